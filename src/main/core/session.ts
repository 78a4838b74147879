/**
 * Who is signed in at each client (an Electron window, or the web host's browser). The client id comes from the
 * transport, never from the renderer, so a page cannot pick someone else's session.
 */
export interface Session {
  userId: string;
  lastActivityMs: number;
  locked: boolean;
}

export class SessionStore {
  private readonly byClient = new Map<string, Session>();

  get(clientId: string): Session | undefined {
    return this.byClient.get(clientId);
  }

  start(clientId: string, userId: string, nowMs: number): Session {
    const session = { userId, lastActivityMs: nowMs, locked: false };
    this.byClient.set(clientId, session);
    return session;
  }

  end(clientId: string): void {
    this.byClient.delete(clientId);
  }

  /** Everyone signs in again: after a restore or a key recovery the database may be another. */
  clear(): void {
    this.byClient.clear();
  }

  /** Locks the session when the clerk has been away longer than the idle limit. Returns whether it is locked. */
  applyIdleLock(session: Session, nowMs: number, idleLockMinutes: number): boolean {
    if (!session.locked && nowMs - session.lastActivityMs >= idleLockMinutes * 60_000) session.locked = true;
    return session.locked;
  }
}
