import type { BrowserWindowConstructorOptions } from 'electron';
import { mainText } from './messages';

/**
 * The main window's options: pure (only a type import) so the security settings are pinned by a unit test
 * (tests/unit/electron/window-options.test.ts) and cannot drift silently. See docs/architecture.md §5.
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: mainText('app.name'),
    width: 1280,
    height: 820,
    minWidth: 1100,
    minHeight: 700,
    // Shown on 'ready-to-show', so the clerk never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      // The preload is bundled as one CommonJS file (index.cjs) because a sandboxed preload cannot load ESM.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}
