import { app, dialog, type BrowserWindow } from 'electron';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { startCoreWorker, type CoreClient } from './core/worker-client';
import { APP_ENTRY_URL } from './electron/app-url';
import { registerIpc, removeViewerCopies } from './electron/ipc';
import { KeyStoreRefused, loadOrCreateKey, storeKey } from './electron/keychain';
import { installMenu } from './electron/menu';
import { languageForLocale, mainText, setMainLanguage } from './electron/messages';
import { registerAppScheme, serveApp } from './electron/protocol';
import { hardenWebContents } from './electron/security';
import { createMainWindow } from './electron/window';

/**
 * Composition root of the Electron build: lifecycle and wiring only. The database lives in the core worker (never
 * here: a synchronous query would freeze the window); src/main/web-host/cli.ts wires the same core for the browser.
 */
const here = import.meta.dirname; // out/main (inside app.asar when packaged)
// `electron-vite dev` serves the renderer from Vite; a packaged build only ever loads app://bangfu/.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let window: BrowserWindow | null = null;
let core: CoreClient | null = null;

// Files the main process writes (the key file) are the user's alone; the core worker sets its modes itself.
process.umask(0o077);
app.enableSandbox();
registerAppScheme(); // must precede 'ready'
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));

if (!app.requestSingleInstanceLock()) {
  // Two instances would open the same database from two workers: the second one hands over to the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (!window && core) openWindow();
  });
  app.on('will-quit', (event) => {
    if (!core) return;
    // Close the database cleanly (WAL checkpoint) before the process ends; a stuck worker gets five seconds.
    event.preventDefault();
    const closing = core;
    core = null;
    void Promise.race([closing.close(), new Promise((done) => setTimeout(done, 5000))])
      .then(() => removeViewerCopies('this-run'))
      .finally(() => app.exit(0));
  });
  app.whenReady().then(start).catch(failed);
}

async function start(): Promise<void> {
  // The language of the menu and the native dialogs: Chinese unless the OS asks for another language.
  setMainLanguage(languageForLocale(app.getPreferredSystemLanguages()[0] || app.getLocale()));
  const version = app.getVersion();
  const dataDir = process.env.BANGFU_DATA_DIR ? resolve(process.env.BANGFU_DATA_DIR) : join(app.getPath('userData'), 'data');
  const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  if (process.platform === 'win32') app.setAppUserModelId('cn.bangfu.desk');
  installMenu({ isDev: !app.isPackaged, version });
  void removeViewerCopies('earlier-runs');

  const key = await loadOrCreateKey(dataDir);
  // This run's key for the sealed inbox and outbox (core/files.ts): in memory only, shared with the core worker.
  const transientKey = randomBytes(32);
  core = await startCoreWorker(
    join(here, 'worker.js'),
    { dataDir, resourcesDir, keyHex: key ? key.toString('hex') : null, transientKeyHex: transientKey.toString('hex'), version },
    // After system.recover: wrap the recovered key again so the next start needs no recovery code.
    { storeKey: (hex) => void storeKey(dataDir, Buffer.from(hex, 'hex'), 'recovered') },
  );
  serveApp(join(here, '..', 'renderer'));
  registerIpc({ core, dataDir, transientKey, getWindow: () => window, devServerUrl });
  openWindow();
}

function openWindow(): void {
  window = createMainWindow(join(here, '..', 'preload', 'index.cjs'), devServerUrl ?? APP_ENTRY_URL);
  window.on('closed', () => {
    window = null;
  });
}

function failed(error: unknown): void {
  // KeyStoreRefused: the keychain's dialog has already told the administrator why.
  if (!(error instanceof KeyStoreRefused)) {
    const detail = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(mainText('app.startFailedTitle'), mainText('app.startFailedDetail', { detail }));
  }
  app.exit(1);
}
