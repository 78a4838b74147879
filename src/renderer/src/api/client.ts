/**
 * The typed client: `call('users.create', input)` is checked against the contract (src/shared/contract), returns
 * the channel's output, and throws an ApiError carrying the core's error shape when the Result is not ok.
 */
import type { BangfuBridge, Upload } from '@shared/bridge';
import type { ChannelInput, ChannelName, ChannelOutput, CoreEvent, FileRef } from '@shared/contract';
import { isAppErrorShape, type AppErrorShape, type ErrorCode } from '@shared/errors';
import { emitSignal, type ApiSignal } from './signals';
import { BridgeError } from './web-bridge';

export class ApiError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.code);
    this.name = 'ApiError';
  }

  get code(): ErrorCode {
    return this.error.code;
  }
}

/** Any thrown value as the error shape the message catalogue understands. */
export function toErrorShape(thrown: unknown): AppErrorShape {
  if (thrown instanceof ApiError || thrown instanceof BridgeError) return thrown.error;
  if (isAppErrorShape(thrown)) return thrown;
  return { code: 'INTERNAL' };
}

const SIGNAL_FOR_CODE: Partial<Record<ErrorCode, ApiSignal>> = {
  UNAUTHENTICATED: 'unauthenticated',
  SESSION_LOCKED: 'session-locked',
  PASSWORD_CHANGE_REQUIRED: 'password-change-required',
  NOT_SET_UP: 'system-state-changed',
  KEY_MISSING: 'system-state-changed',
  DB_TOO_NEW: 'system-state-changed',
  DB_DAMAGED: 'system-state-changed',
  HOST_RESTARTED: 'host-restarted',
};

function currentBridge(): BangfuBridge {
  const bridge = window.bangfu;
  if (!bridge) throw new ApiError({ code: 'INTERNAL' });
  return bridge;
}

export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await currentBridge().invoke(channel, input);
  if (result.ok) return result.data as ChannelOutput<C>;
  const signal = SIGNAL_FOR_CODE[result.error.code];
  if (signal) emitSignal(signal);
  throw new ApiError(result.error);
}

/** Rejections of the host's file functions become ApiErrors too, so screens handle one kind of error. */
async function hostCall<T>(run: (bridge: BangfuBridge) => Promise<T>): Promise<T> {
  try {
    return await run(currentBridge());
  } catch (thrown) {
    throw new ApiError(toErrorShape(thrown));
  }
}

export const bridge = {
  saveFile: (file: FileRef): Promise<{ saved: boolean }> => hostCall((b) => b.saveFile(file)),
  openFile: (file: FileRef): Promise<void> => hostCall((b) => b.openFile(file)),
  pickFile: (options: { accept: string[]; maxBytes?: number }): Promise<Upload | null> => hostCall((b) => b.pickFile(options)),
  onEvent(listener: (event: CoreEvent) => void): () => void {
    return window.bangfu ? window.bangfu.onEvent(listener) : () => undefined;
  },
};
