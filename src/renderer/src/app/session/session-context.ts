import { createContext, useContext } from 'react';
import type { SessionInfo, SessionUser } from '@shared/contract/auth';
import type { OrgSettings } from '@shared/contract/org';

export interface SignedInSession extends SessionInfo {
  user: SessionUser;
}

export interface SessionContextValue {
  session: SignedInSession;
  /** The organisation (org.get); undefined until loaded or while a temporary password must be changed. */
  org: OrgSettings | undefined;
  reloadOrg: () => void;
  /** Asks the core for the session again (auth.session). */
  refresh: () => Promise<void>;
  /** Takes a session the core returned (sign-in, unlock, password change). */
  acceptSession: (info: SessionInfo) => void;
  lockNow: () => void;
  signOut: () => Promise<void>;
  /** Asks system.status again: after a restore the database (and everyone's session) is another. */
  reboot: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in session');
  return value;
}
