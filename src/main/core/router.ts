import { contract, isChannelName, type ChannelName } from '@shared/contract';
import { AppError, type Result } from '@shared/errors';
import { roleAllows } from '@shared/roles';
import { CallContext, type CoreState, type HandlerMap, type SignedInUser } from './context';
import { findUserById } from './features/users/users.repo';
import { readIdleLockMinutes } from './features/org/org.repo';
import { errorShapeFor } from './jobs';

/** Channels that answer whatever state the program is in. */
const ALWAYS_OPEN = new Set<ChannelName>(['system.status', 'auth.session']);
/** What each non-ready state lets through besides those. */
const OPEN_IN_STATE: Partial<Record<CoreState['state'], ChannelName[]>> = {
  'needs-setup': ['system.setup'],
  'key-missing': ['system.recover'],
  damaged: ['system.damage', 'system.restoreDamaged'],
};
const STATE_ERROR = {
  'needs-setup': 'NOT_SET_UP',
  'key-missing': 'KEY_MISSING',
  'db-too-new': 'DB_TOO_NEW',
  damaged: 'DB_DAMAGED',
} as const;
/** A user with a temporary password may only change it (or leave). */
const OPEN_WITH_TEMPORARY_PASSWORD = new Set<ChannelName>(['auth.changePassword', 'auth.signOut', 'auth.touch', 'auth.lock']);

/**
 * One call from the renderer: validate the input → check the state, session and role → run the handler → check
 * the output → a Result. Nothing else reaches the renderer: no stack traces, no SQL, no personal data.
 */
export async function dispatch(
  core: CoreState,
  handlers: HandlerMap,
  clientId: string,
  channel: unknown,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL' } };
  const def = contract[channel];
  try {
    if (core.state !== 'ready' && !ALWAYS_OPEN.has(channel) && !OPEN_IN_STATE[core.state]?.includes(channel)) {
      throw new AppError(STATE_ERROR[core.state]);
    }
    // Who may call comes before what was sent: a caller without the role learns nothing of a channel's input (its
    // fields' names and rules) and never has its input parsed.
    const user = currentUser(core, clientId);
    const session = core.sessions.get(clientId);
    if (def.access !== 'public') {
      if (!user || !session) throw new AppError('UNAUTHENTICATED');
      if (session.locked) throw new AppError('SESSION_LOCKED');
      if (!roleAllows(user.role, def.access)) throw new AppError('FORBIDDEN');
      if (user.mustChangePassword && !OPEN_WITH_TEMPORARY_PASSWORD.has(channel)) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED');
      }
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message,
      }));
      return { ok: false, error: { code: 'INVALID_INPUT', issues } };
    }
    // Polling the session is not the clerk at work: it must not postpone the idle lock.
    if (session && !session.locked && channel !== 'auth.session') session.lastActivityMs = core.clock.now().getTime();

    const ctx = new CallContext(core, clientId, channel, user);
    const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
    const data = await handler(parsed.data, ctx);
    return { ok: true, data: def.output.parse(data) };
  } catch (error) {
    return { ok: false, error: errorShapeFor(core.logger, channel, 'dispatch')(error) };
  }
}

/** The signed-in user of this client, re-read on every call so that disabling or demoting takes effect at once. */
function currentUser(core: CoreState, clientId: string): SignedInUser | null {
  const session = core.sessions.get(clientId);
  if (!session || !core.conn || core.state !== 'ready') return null;
  const row = findUserById(core.conn.db, session.userId);
  if (!row || row.disabled) {
    core.sessions.end(clientId);
    return null;
  }
  core.sessions.applyIdleLock(session, core.clock.now().getTime(), readIdleLockMinutes(core.conn.db));
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    mustChangePassword: row.mustChangePassword,
  };
}
