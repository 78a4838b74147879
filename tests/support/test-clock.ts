/**
 * The instant every test's clock starts at. Tests never read the machine's date (a suite must pass on 31 December
 * and 29 February too): the core's clock starts here and runs on a monotonic timer, and tests move it when they
 * need time to pass. A Tuesday in March, 10:00 in Shanghai, far from a year end, a leap day or a holiday.
 */
export const TEST_CLOCK_START = new Date('2026-03-10T02:00:00.000Z');

export const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant in the machine's time zone, as the core's `localDate` reads it. */
export function localIsoDate(at: Date): string {
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
