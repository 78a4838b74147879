/** Time comes from here, never from `new Date()` in services, so tests can move it (ARCHITECTURE.md §7). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs with real time but can be pushed forward: used by tests and the web host's test mode. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/** The clerk's calendar date (YYYY-MM-DD in the machine's time zone), for rules like "not in the future". */
export function localDate(clock: Clock): string {
  const now = clock.now();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
