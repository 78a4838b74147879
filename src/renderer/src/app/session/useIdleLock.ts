/**
 * The renderer's part of the idle lock. The core is the authority (it locks a session idle longer than the
 * organisation's limit and refuses calls with SESSION_LOCKED); the renderer
 *  - tells the core the clerk is at the desk (auth.touch, at most once per 30 s),
 *  - asks the core every 15 s whether the session is locked (auth.session, which does not count as activity),
 *  - and locks by itself after the limit without activity, so the screen hides even if the core's clock differs.
 * Plain setTimeout/setInterval and Date.now, so that Playwright's page.clock can drive all of it.
 */
import { useEffect, useEffectEvent } from 'react';
import { call } from '../../api/client';

export const TOUCH_INTERVAL_MS = 30_000;
export const POLL_INTERVAL_MS = 15_000;
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;

interface IdleLockOptions {
  locked: boolean;
  idleLockMinutes: number;
  /** The limit passed without activity. */
  onIdle: () => void;
  /** Every POLL_INTERVAL_MS, locked or not. */
  onPoll: () => void;
}

export function useIdleLock({ locked, idleLockMinutes, onIdle, onPoll }: IdleLockOptions): void {
  const idle = useEffectEvent(onIdle);
  const poll = useEffectEvent(onPoll);

  useEffect(() => {
    const timer = window.setInterval(() => poll(), POLL_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    // While locked, typing the password is not "being at work": nothing is touched and no idle timer runs.
    if (locked) return;
    const limitMs = Math.max(1, idleLockMinutes) * 60_000;
    // Signing in or unlocking was itself activity the core has seen.
    let lastActivityAt = Date.now();
    let lastTouchAt = lastActivityAt;
    let pendingTouch: number | undefined;
    let idleTimer: number | undefined;

    const touch = () => {
      lastTouchAt = Date.now();
      // Failures (SESSION_LOCKED, UNAUTHENTICATED) reach the app through the client's global signals.
      call('auth.touch', {}).catch(() => undefined);
    };

    const onActivity = () => {
      lastActivityAt = Date.now();
      const sinceTouch = lastActivityAt - lastTouchAt;
      if (sinceTouch >= TOUCH_INTERVAL_MS) {
        window.clearTimeout(pendingTouch);
        pendingTouch = undefined;
        touch();
      } else if (pendingTouch === undefined) {
        // Report this activity once the 30 s have passed, so the core's idle clock is never far behind ours.
        pendingTouch = window.setTimeout(() => {
          pendingTouch = undefined;
          touch();
        }, TOUCH_INTERVAL_MS - sinceTouch);
      }
    };

    const checkIdle = () => {
      const idleFor = Date.now() - lastActivityAt;
      if (idleFor >= limitMs) idle();
      else idleTimer = window.setTimeout(checkIdle, limitMs - idleFor);
    };
    idleTimer = window.setTimeout(checkIdle, limitMs);

    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      window.clearTimeout(pendingTouch);
      window.clearTimeout(idleTimer);
    };
  }, [locked, idleLockMinutes]);
}
