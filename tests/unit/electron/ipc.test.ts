import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_IPC } from '../../../src/shared/bridge';
import { putOutboxFile, readInboxFile, transientFiles } from '../../../src/main/core/files';
import { dataPaths } from '../../../src/main/core/paths';
import { setMainLanguage } from '../../../src/main/electron/messages';

// ipc.ts imports 'electron' at top level: stand in for ipcMain, the dialogs, shell and app.getPath.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
  openPath: vi.fn(async (_path: string) => ''),
  documents: '',
}));
vi.mock('electron', () => ({
  app: { getPath: () => electron.documents },
  dialog: { showSaveDialog: electron.showSaveDialog, showOpenDialog: electron.showOpenDialog },
  shell: { openPath: electron.openPath },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { registerIpc, removeViewerCopies } = await import('../../../src/main/electron/ipc');

const root = mkdtempSync(join(tmpdir(), 'bangfu-ipc-'));
const dataDir = join(root, 'data');
electron.documents = join(root, 'documents');
const paths = dataPaths(dataDir);
const dispatch = vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 'from-core' }));
let emit: (event: unknown) => void = () => undefined;
const send = vi.fn();
const core = {
  dispatch,
  advanceClock: vi.fn(),
  close: vi.fn(),
  onEvent: (listener: (event: unknown) => void) => {
    emit = listener;
    return () => (emit = () => undefined);
  },
};
const window = { isDestroyed: () => false, webContents: { send } };
const transientKey = randomBytes(32);
const files = transientFiles(paths, transientKey);
const dispose = registerIpc({ core: core as never, dataDir, transientKey, getWindow: () => window as never });

const APP = { senderFrame: { url: 'app://bangfu/index.html', parent: null }, sender: { id: 7 } };
const EVIL = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { id: 7 } };
const SUBFRAME = { senderFrame: { url: 'app://bangfu/index.html', parent: {} }, sender: { id: 7 } };
const call = (channel: string, event: unknown, ...args: unknown[]) => electron.handlers.get(channel)!(event, ...args);
const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', params: { reason: 'sender' } } };

beforeEach(() => vi.clearAllMocks());
afterAll(async () => {
  dispose();
  await removeViewerCopies('this-run');
  rmSync(root, { recursive: true, force: true });
});

describe('invoke', () => {
  it('forwards contract channels from the app to the core as this window', async () => {
    expect(await call(BRIDGE_IPC.invoke, APP, 'system.status', {})).toEqual({ ok: true, data: 'from-core' });
    expect(dispatch).toHaveBeenCalledWith('win:7', 'system.status', {});
  });

  it('refuses other senders and sub-frames before anything reaches the core', async () => {
    expect(await call(BRIDGE_IPC.invoke, EVIL, 'system.status', {})).toEqual(FORBIDDEN);
    expect(await call(BRIDGE_IPC.invoke, SUBFRAME, 'system.status', {})).toEqual(FORBIDDEN);
    expect(await call(BRIDGE_IPC.invoke, { senderFrame: null, sender: { id: 7 } }, 'system.status', {})).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses input nested too deeply or too large before it reaches the core (its clone and zod would overflow)', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 30_000; i++) deep = [deep];
    const tooDeep = await call(BRIDGE_IPC.invoke, APP, 'system.status', deep);
    expect(tooDeep).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const tooLarge = await call(BRIDGE_IPC.invoke, APP, 'system.status', { note: 'x'.repeat(6 * 1024 * 1024) });
    expect(tooLarge).toEqual({ ok: false, error: { code: 'FILE_TOO_LARGE', params: { maxBytes: 10 * 1024 * 1024 } } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic; // a structured clone keeps cycles: the walk must still end
    expect(await call(BRIDGE_IPC.invoke, APP, 'system.status', cyclic)).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses channels outside the contract', async () => {
    expect(await call(BRIDGE_IPC.invoke, APP, 'db.exec', { sql: 'DROP TABLE x' })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await call(BRIDGE_IPC.invoke, APP, '__proto__', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('forwards core events to the window', () => {
    emit({ type: 'session.changed' });
    expect(send).toHaveBeenCalledWith(BRIDGE_IPC.event, { type: 'session.changed' });
  });
});

describe('saveFile', () => {
  it('copies the outbox document where the clerk chose, offering its own name', async () => {
    const ref = putOutboxFile(files, '救助/凭证.pdf', 'application/pdf', Buffer.from('%PDF-1.7'));
    const target = join(root, 'saved.pdf');
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call(BRIDGE_IPC.saveFile, APP, { fileId: ref.fileId })).toEqual({ ok: true, data: { saved: true } });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7');
    const options = electron.showSaveDialog.mock.calls[0]![1] as { title: string; defaultPath: string; filters: unknown };
    expect(options.title).toBe('保存文件');
    expect(options.defaultPath).toBe(join(electron.documents, '救助_凭证.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }]);
  });

  it('words the dialog in the main-process language', async () => {
    const ref = putOutboxFile(files, 'list.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('x'));
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    setMainLanguage('en');
    try {
      await call(BRIDGE_IPC.saveFile, APP, { fileId: ref.fileId });
    } finally {
      setMainLanguage('zh-CN');
    }
    const options = electron.showSaveDialog.mock.calls[0]![1] as { title: string; filters: unknown };
    expect(options.title).toBe('Save file');
    expect(options.filters).toEqual([{ name: 'XLSX files', extensions: ['xlsx'] }]);
  });

  it('reports a cancelled dialog, an unknown file and a foreign sender', async () => {
    const ref = putOutboxFile(files, 'a.pdf', 'application/pdf', Buffer.from('x'));
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(BRIDGE_IPC.saveFile, APP, { fileId: ref.fileId })).toEqual({ ok: true, data: { saved: false } });
    expect(await call(BRIDGE_IPC.saveFile, APP, { fileId: '../../bangfu.db' })).toEqual({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(await call(BRIDGE_IPC.saveFile, EVIL, { fileId: ref.fileId })).toEqual(FORBIDDEN);
    expect(electron.showSaveDialog).toHaveBeenCalledTimes(1);
  });
});

describe('openFile', () => {
  it('opens a temporary copy whose extension comes from the type', async () => {
    const ref = putOutboxFile(files, '名单.exe', 'application/pdf', Buffer.from('%PDF'));
    expect(await call(BRIDGE_IPC.openFile, APP, { fileId: ref.fileId })).toEqual({ ok: true, data: null });
    const opened = electron.openPath.mock.calls[0]![0];
    expect(opened.startsWith(join(tmpdir(), 'bangfu-view-'))).toBe(true);
    expect(opened.endsWith('名单.pdf')).toBe(true);
    expect(readFileSync(opened, 'utf8')).toBe('%PDF');
  });

  it('refuses types the system viewer should not open', async () => {
    const ref = putOutboxFile(files, 'page.html', 'text/html', Buffer.from('<script>'));
    expect(await call(BRIDGE_IPC.openFile, APP, { fileId: ref.fileId })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['file'], message: 'type' }] },
    });
    expect(electron.openPath).not.toHaveBeenCalled();
  });
});

describe('pickFile', () => {
  const source = join(root, '花名册.xlsx');
  writeFileSync(source, Buffer.alloc(2048, 1));

  it('copies the chosen file into the inbox with the dialog filtered by accept', async () => {
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    const result = (await call(BRIDGE_IPC.pickFile, APP, { accept: ['.xlsx'], maxBytes: 4096 })) as {
      ok: true;
      data: { uploadId: string; name: string; bytes: number };
    };
    expect(result.ok).toBe(true);
    expect(result.data).toMatchObject({ name: '花名册.xlsx', bytes: 2048 });
    // Sealed in the inbox: only this run's key reads it back.
    expect(await readInboxFile(files, result.data.uploadId)).toEqual(Buffer.alloc(2048, 1));
    const options = electron.showOpenDialog.mock.calls[0]![1] as { title: string; filters: unknown; properties: string[] };
    expect(options.title).toBe('选择文件');
    expect(options.filters).toEqual([{ name: '支持的文件 (.xlsx)', extensions: ['xlsx'] }]);
    expect(options.properties).toEqual(['openFile']);
  });

  it('returns null when cancelled and refuses files too large or of another type', async () => {
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(BRIDGE_IPC.pickFile, APP, { accept: ['.xlsx'] })).toEqual({ ok: true, data: null });
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    expect(await call(BRIDGE_IPC.pickFile, APP, { accept: ['.xlsx'], maxBytes: 1024 })).toEqual({
      ok: false,
      error: { code: 'FILE_TOO_LARGE', params: { maxBytes: 1024 } },
    });
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    expect(await call(BRIDGE_IPC.pickFile, APP, { accept: ['.db'] })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['file'], message: 'type' }] },
    });
    expect(await call(BRIDGE_IPC.pickFile, EVIL, { accept: ['.xlsx'] })).toEqual(FORBIDDEN);
    expect(electron.showOpenDialog).toHaveBeenCalledTimes(3);
  });
});
