import { afterEach, describe, expect, it } from 'vitest';
import { setMainLanguage } from '../../../src/main/electron/messages';
import { windowOptions } from '../../../src/main/electron/window-options';

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.cjs');

  it('pins the renderer security settings (docs/architecture.md §5)', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('opens hidden until painted, titled, no smaller than an office screen needs', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('帮扶工作台');
    expect(options.minWidth).toBeGreaterThanOrEqual(1100);
    expect(options.minHeight).toBeGreaterThanOrEqual(700);
    expect(options.width!).toBeGreaterThanOrEqual(options.minWidth!);
    expect(options.height!).toBeGreaterThanOrEqual(options.minHeight!);
  });
});

describe('the window title', () => {
  afterEach(() => setMainLanguage('zh-CN'));

  it('follows the main-process language', () => {
    setMainLanguage('en');
    expect(windowOptions('/p').title).toBe('Bangfu Desk');
    setMainLanguage('zh-CN');
    expect(windowOptions('/p').title).toBe('帮扶工作台');
  });
});
