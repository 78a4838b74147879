/**
 * Two small hooks over `call`: useQuery (load on mount and when the input changes, with reload) and useMutation
 * (run on demand, remember the last error). Deliberately tiny: no cache, no deduplication — every screen of this
 * program reads a few rows from a local database.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import type { AppErrorShape, Result } from '@shared/errors';
import { call, toErrorShape } from './client';
import { onSignal } from './signals';

export interface QueryState<T> {
  data: T | undefined;
  error: AppErrorShape | null;
  /** True until the answer for the current input arrives; `data` keeps the previous answer meanwhile. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  requestId: string;
  data: T | undefined;
  error: AppErrorShape | null;
}

export function useQuery<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options: { enabled?: boolean } = {},
): QueryState<ChannelOutput<C>> {
  const enabled = options.enabled ?? true;
  const inputKey = JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<ChannelOutput<C>> | null>(null);
  const requestId = `${channel}|${inputKey}|${version}`;

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    call(channel, JSON.parse(inputKey) as ChannelInput<C>).then(
      (data) => current && setSettled({ requestId, data, error: null }),
      (thrown: unknown) => current && setSettled((previous) => ({ requestId, data: previous?.data, error: toErrorShape(thrown) })),
    );
    return () => {
      current = false;
    };
  }, [channel, inputKey, requestId, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  // A query refused because the screen was locked loads again once the clerk unlocks.
  const lockedOut = settled?.error?.code === 'SESSION_LOCKED';
  useEffect(() => {
    if (!lockedOut) return;
    return onSignal((signal) => {
      if (signal === 'unlocked') reload();
    });
  }, [lockedOut, reload]);

  return {
    data: settled?.data,
    error: settled?.requestId === requestId ? settled.error : null,
    loading: enabled && settled?.requestId !== requestId,
    reload,
  };
}

export interface MutationState<C extends ChannelName> {
  /** Never throws: resolves to the Result, and also keeps the error in `error` for the form to show. */
  run: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  running: boolean;
  error: AppErrorShape | null;
  reset: () => void;
}

export function useMutation<C extends ChannelName>(channel: C): MutationState<C> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const run = useCallback(
    async (input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> => {
      setRunning(true);
      setError(null);
      try {
        return { ok: true, data: await call(channel, input) };
      } catch (thrown) {
        const shape = toErrorShape(thrown);
        setError(shape);
        return { ok: false, error: shape };
      } finally {
        setRunning(false);
      }
    },
    [channel],
  );

  const reset = useCallback(() => setError(null), []);
  return { run, running, error, reset };
}
