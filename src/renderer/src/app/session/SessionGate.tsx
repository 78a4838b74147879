import { Button, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '@shared/contract/auth';
import type { AppErrorShape } from '@shared/errors';
import { bridge, call, toErrorShape } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { emitSignal, onSignal } from '../../api/signals';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingScreen } from '../../components/LoadingScreen';
import { ForcedPasswordChange } from '../../features/auth/ForcedPasswordChange';
import { SignInScreen } from '../../features/auth/SignInScreen';
import { useT } from '../../i18n';
import { AppRouter } from '../shell/AppRouter';
import { LockOverlay } from './LockOverlay';
import { SessionContext, type SessionContextValue, type SignedInSession } from './session-context';
import { clearNotifications } from '../../components/notify';
import { useIdleLock } from './useIdleLock';

function sameSession(a: SessionInfo | null, b: SessionInfo): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A polled session may lock the screen but never unlock it: an answer sent before our own auth.lock reached the
 * core would otherwise lift the lock we just put up. Only auth.unlock (acceptSession) or a new sign-in unlocks.
 */
function mergePolled(previous: SessionInfo | null, polled: SessionInfo): SessionInfo {
  const sameUser = previous?.user && polled.user && previous.user.id === polled.user.id;
  const merged = sameUser && previous.locked && !polled.locked ? { ...polled, locked: true } : polled;
  return sameSession(previous, merged) ? (previous as SessionInfo) : merged;
}

/** Who is signed in, whether the screen is locked, and which screen that calls for. */
export function SessionGate({ reboot }: { reboot: () => void }) {
  const t = useT();
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);

  const acceptSession = useCallback((info: SessionInfo) => {
    // Polling returns the same session every 15 s: keep the object so nothing re-renders for nothing.
    setSession((previous) => (sameSession(previous, info) ? previous : info));
  }, []);

  const refresh = useCallback(async () => {
    try {
      const polled = await call('auth.session', {});
      setSession((previous) => mergePolled(previous, polled));
      setLoadError(null);
    } catch (thrown) {
      setLoadError(toErrorShape(thrown));
    }
  }, []);

  useEffect(() => {
    let current = true;
    call('auth.session', {}).then(
      (info) => current && acceptSession(info),
      (thrown: unknown) => current && setLoadError(toErrorShape(thrown)),
    );
    return () => {
      current = false;
    };
  }, [acceptSession]);

  useEffect(() => {
    const stopSignals = onSignal((signal) => {
      if (signal === 'unauthenticated') {
        clearNotifications();
        setSession((s) => s && { ...s, user: null, locked: false });
      }
      if (signal === 'session-locked') setSession((s) => s && (s.locked ? s : { ...s, locked: true }));
      if (signal === 'password-change-required') void refresh();
    });
    const stopEvents = bridge.onEvent((event) => {
      if (event.type === 'session.changed') void refresh();
    });
    return () => {
      stopSignals();
      stopEvents();
    };
  }, [refresh]);

  const user = session?.user ?? null;
  const signedIn = user !== null;
  const locked = signedIn && Boolean(session?.locked);

  const lockNow = useCallback(() => {
    // Hide the screen at once; the core confirms (or reports that the session has ended).
    setSession((s) => s && { ...s, locked: true });
    call('auth.lock', {}).catch(() => undefined);
  }, []);

  const signOut = useCallback(async () => {
    await call('auth.signOut', {}).catch(() => undefined);
    clearNotifications();
    setSession((s) => s && { ...s, user: null, locked: false });
  }, []);

  const onUnlocked = useCallback(
    (info: SessionInfo) => {
      acceptSession(info);
      emitSignal('unlocked');
    },
    [acceptSession],
  );

  useIdleLock({
    locked: !signedIn || locked,
    idleLockMinutes: session?.idleLockMinutes ?? 10,
    onIdle: lockNow,
    onPoll: () => {
      if (signedIn) void refresh();
    },
  });

  const mustChange = user?.mustChangePassword ?? false;
  const org = useQuery('org.get', {}, { enabled: signedIn && !mustChange });

  const context = useMemo<SessionContextValue | null>(
    () =>
      session?.user
        ? {
            session: session as SignedInSession,
            org: org.data,
            reloadOrg: org.reload,
            refresh,
            acceptSession,
            lockNow,
            signOut,
            reboot,
          }
        : null,
    [session, org.data, org.reload, refresh, acceptSession, lockNow, signOut, reboot],
  );

  if (!session) {
    if (!loadError) return <LoadingScreen />;
    return (
      <CenteredPage title={t('boot.failedTitle')}>
        <ErrorAlert error={loadError} />
        <Text>{t('boot.failedBody')}</Text>
        <Button onClick={() => void refresh()}>{t('app.retry')}</Button>
      </CenteredPage>
    );
  }

  if (!context) {
    return (
      <SignInScreen
        onSignedIn={(info) => {
          // A new sign-in starts at the home page, whatever the previous user left in the address.
          history.replaceState(null, '', `${location.pathname}${location.search}#/`);
          acceptSession(info);
        }}
      />
    );
  }

  return (
    <SessionContext.Provider value={context}>
      {/* While locked the app stays mounted (a half-filled form survives) but is inert and covered. */}
      <div inert={locked}>{mustChange ? <ForcedPasswordChange /> : <AppRouter key={context.session.user.id} />}</div>
      {locked && <LockOverlay onUnlocked={onUnlocked} />}
    </SessionContext.Provider>
  );
}
