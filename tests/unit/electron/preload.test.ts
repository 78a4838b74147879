import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_IPC, type BangfuBridge } from '../../../src/shared/bridge';

// The preload imports 'electron' at top level: capture what it exposes and what it sends.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, data: 'ok' })),
  listeners: new Map<string, (...args: unknown[]) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => electron.listeners.set(channel, listener),
    removeListener: (channel: string) => electron.listeners.delete(channel),
  },
}));

await import('../../../src/preload/index');
const bridge = electron.exposed.get('bangfu') as BangfuBridge;

beforeEach(() => electron.invoke.mockClear());

describe('preload bridge', () => {
  it('exposes the five bridge functions and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['bangfu']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'openFile', 'pickFile', 'saveFile']);
  });

  it('refuses channels outside the contract without sending anything', async () => {
    for (const channel of ['db.exec', '__proto__', 'constructor', '']) {
      expect(await bridge.invoke(channel, {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('sends contract channels and never rejects', async () => {
    expect(await bridge.invoke('system.status', {})).toEqual({ ok: true, data: 'ok' });
    expect(electron.invoke).toHaveBeenCalledWith(BRIDGE_IPC.invoke, 'system.status', {});
    electron.invoke.mockRejectedValueOnce(new Error('main process gone'));
    expect(await bridge.invoke('system.status', {})).toEqual({ ok: false, error: { code: 'INTERNAL', ref: 'preload' } });
  });

  it('sends only the file id, and rejects with the error shape when the host refuses', async () => {
    electron.invoke.mockResolvedValueOnce({ ok: true, data: { saved: true } });
    const file = { fileId: 'f', name: '../x.exe', mime: 'application/pdf', bytes: 1 };
    expect(await bridge.saveFile(file)).toEqual({ saved: true });
    expect(electron.invoke).toHaveBeenCalledWith(BRIDGE_IPC.saveFile, { fileId: 'f' });
    electron.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'FILE_TOO_LARGE', params: { maxBytes: 10 } } });
    await expect(bridge.pickFile({ accept: ['.xlsx'], maxBytes: 10 })).rejects.toEqual({
      code: 'FILE_TOO_LARGE',
      params: { maxBytes: 10 },
    });
  });

  it('delivers core events until unsubscribed', () => {
    const seen: unknown[] = [];
    const off = bridge.onEvent((event) => seen.push(event));
    electron.listeners.get(BRIDGE_IPC.event)!({ sender: 'ignored' }, { type: 'session.changed' });
    expect(seen).toEqual([{ type: 'session.changed' }]);
    off();
    expect(electron.listeners.has(BRIDGE_IPC.event)).toBe(false);
  });
});
