import { BrowserWindow } from 'electron';
import { windowOptions } from './window-options';

/** The pure options live in window-options.ts (unit-tested without Electron); re-exported for the glue. */
export { windowOptions };

/** Creates the one main window and loads the app into it; shown once its first frame is painted. */
export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
