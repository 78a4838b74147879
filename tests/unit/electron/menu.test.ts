import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setMainLanguage } from '../../../src/main/electron/messages';

// menu.ts imports 'electron' at top level: capture the template and the About box instead.
const electron = vi.hoisted(() => ({
  template: [] as MenuItemConstructorOptions[],
  showMessageBox: vi.fn(async (_options: unknown) => ({ response: 0 })),
}));
vi.mock('electron', () => ({
  dialog: { showMessageBox: electron.showMessageBox },
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => (electron.template = template),
    setApplicationMenu: () => undefined,
  },
}));

const { installMenu } = await import('../../../src/main/electron/menu');

/** Every item in the menu, depth first. */
function items(list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return list.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const labels = (list: MenuItemConstructorOptions[]) => items(list).flatMap((item) => (item.label === undefined ? [] : [item.label]));
const find = (label: string) => items(electron.template).find((item) => item.label === label);

beforeEach(() => vi.clearAllMocks());
afterEach(() => setMainLanguage('zh-CN'));

describe('installMenu', () => {
  it('labels the menu in zh-CN by default', () => {
    installMenu({ isDev: false, version: '1.0.0' });
    expect(labels(electron.template).slice(0, 2)).toEqual(['文件', '退出']);
    expect(labels(electron.template)).not.toContain('开发者工具');
  });

  it('labels every item in English when the OS is not Chinese', () => {
    setMainLanguage('en');
    installMenu({ isDev: true, version: '1.0.0' });
    const all = labels(electron.template);
    expect(all).toEqual(expect.arrayContaining(['File', 'Quit', 'Edit', 'View', 'Reload', 'Developer Tools', 'Help', 'About']));
    for (const label of all) expect(label).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('words the About box in the chosen language', () => {
    setMainLanguage('en');
    installMenu({ isDev: false, version: '1.2.3' });
    const about = find('About');
    (about!.click as () => void)();
    expect(electron.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'About',
        message: 'Bangfu Desk',
        detail: expect.stringMatching(/^Version 1\.2\.3\nElectron /),
        buttons: ['OK'],
      }),
    );
  });
});
