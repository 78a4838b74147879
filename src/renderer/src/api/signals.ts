/**
 * Reactions that concern the whole app rather than the screen that made the call: the session ended, the screen
 * was locked by the core, the program's state changed under us (a restore, a recovered key). The app subscribes
 * once (app/session) instead of every screen handling these codes.
 */
export type ApiSignal =
  'unauthenticated' | 'session-locked' | 'password-change-required' | 'system-state-changed' | 'unlocked' | 'host-restarted';

type Listener = (signal: ApiSignal) => void;

const listeners = new Set<Listener>();

export function emitSignal(signal: ApiSignal): void {
  for (const listener of [...listeners]) listener(signal);
}

export function onSignal(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
