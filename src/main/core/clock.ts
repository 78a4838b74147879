import { performance } from 'node:perf_hooks';

/** Time comes from here, never from `new Date()` in services, so tests can move it (docs/architecture.md §7). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that runs with real time but can be pushed forward: used by tests and the web host's test mode.
 *
 * Given a start instant it does not read the machine's date at all: it shows `startAt` plus the time elapsed since
 * it was made (a monotonic timer), plus what it was pushed. Tests start it at a fixed instant so that the suite means
 * the same on every day of the year, 31 December and 29 February included.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private readonly base: (() => number) | null;

  constructor(startAt?: Date) {
    if (startAt === undefined) {
      this.base = null;
    } else {
      const startMs = startAt.getTime();
      const startedAt = performance.now();
      this.base = () => startMs + (performance.now() - startedAt);
    }
  }

  now(): Date {
    return new Date((this.base ? this.base() : Date.now()) + this.offsetMs);
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
  return localDateOf(clock.now().toISOString());
}

/** The clerk's calendar date of a stored instant (an event's `at`). */
export function localDateOf(instant: string): string {
  const at = new Date(instant);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
