/**
 * The main process's UI text: the menu, the native dialogs, file-dialog filters and the window title. The renderer
 * has its own catalogues (src/renderer/src/i18n); this one is deliberately separate and tiny, because the main
 * process cannot load the renderer's modules (they touch localStorage and the DOM).
 *
 * Pure TypeScript (no 'electron'): the composition root (src/main/index.ts) asks the OS for its language once at
 * startup and passes it to setMainLanguage(languageForLocale(...)); everything else calls mainText(). ESLint forbids
 * Chinese literals in the rest of src/main/electron and in src/main/index.ts, so new text has to come here.
 *
 * Placeholders are `{name}`.
 */

/** The source catalogue. Every other catalogue must have exactly these keys (see MainCatalogue). */
export const zhCN = {
  app: {
    name: '帮扶工作台',
    startFailedTitle: '帮扶工作台无法启动',
    startFailedDetail: '启动时出错：{detail}\n\n数据没有被改动。请把这段文字告诉技术支持人员。',
  },
  common: {
    ok: '确定',
  },
  menu: {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    actualSize: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    help: '帮助',
    about: '关于',
    aboutDetail: '版本 {version}\nElectron {electron}',
  },
  files: {
    saveTitle: '保存文件',
    pickTitle: '选择文件',
    supportedFilter: '支持的文件 ({extensions})',
    typeFilter: '{type} 文件',
    fallbackName: '文档',
  },
  keychain: {
    weakMessage: '本机没有可用的系统密钥环',
    weakDetail:
      '数据库密钥将几乎不受保护地保存在数据目录中：能读取该目录的人就能打开数据库。' +
      '建议先安装并启用系统密钥环（如 GNOME 密钥环或 KWallet），再启动本程序。\n\n' +
      '请务必妥善保管管理员恢复码。是否仍要继续？',
    weakQuit: '退出',
    weakContinue: '仍然继续',
    unavailableMessage: '无法安全保存数据库密钥',
    unavailableDetail:
      '系统的密钥保护服务（Windows 数据保护、系统钥匙串或 Linux 密钥环）当前不可用。' +
      '为保护帮扶对象的个人信息，本程序不会以明文保存密钥。\n\n{next}',
    unavailableNextCreate: '请用本人账户正常登录系统（Linux 请先解锁密钥环）后，重新启动本程序。',
    unavailableNextRecovered: '数据库已用恢复码打开，但密钥未能保存：下次启动时需要再次输入恢复码。',
  },
};

/** zh-CN's shape with string leaves: a catalogue missing a key (or with an extra one) fails the type check. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type MainCatalogue = Strings<typeof zhCN>;

export const en: MainCatalogue = {
  app: {
    name: 'Bangfu Desk',
    startFailedTitle: 'Bangfu Desk could not start',
    startFailedDetail:
      'An error occurred while starting: {detail}\n\nNo data has been changed. Please pass this text on to your technical support contact.',
  },
  common: {
    ok: 'OK',
  },
  menu: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    help: 'Help',
    about: 'About',
    aboutDetail: 'Version {version}\nElectron {electron}',
  },
  files: {
    saveTitle: 'Save file',
    pickTitle: 'Choose a file',
    supportedFilter: 'Supported files ({extensions})',
    typeFilter: '{type} files',
    fallbackName: 'document',
  },
  keychain: {
    weakMessage: 'No system keyring is available on this computer',
    weakDetail:
      'The database key would be stored in the data folder almost unprotected: anyone who can read that folder could open the database. ' +
      'Install and enable a system keyring (such as GNOME Keyring or KWallet) first, then start this program again.\n\n' +
      'Keep the administrator recovery code in a safe place. Do you want to continue anyway?',
    weakQuit: 'Quit',
    weakContinue: 'Continue anyway',
    unavailableMessage: 'The database key cannot be stored safely',
    unavailableDetail:
      "The system's key protection service (Windows Data Protection, the system keychain or a Linux keyring) is not available right now. " +
      'To protect the personal information of the people being assisted, this program never stores the key in plain text.\n\n{next}',
    unavailableNextCreate:
      'Sign in to the system normally with your own account (on Linux, unlock the keyring first), then start this program again.',
    unavailableNextRecovered:
      'The database was opened with the recovery code, but the key could not be saved: the recovery code will be needed again at the next start.',
  },
};

export type MainLanguage = 'zh-CN' | 'en';
export const MAIN_CATALOGUES: Record<MainLanguage, MainCatalogue> = { 'zh-CN': zhCN, en };

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
/** Every message key, e.g. 'menu.file'. */
export type MainMessageKey = Leaves<MainCatalogue>;
export type MainMessageParams = Record<string, string | number>;

/**
 * The language for an OS locale or language tag ('zh-CN', 'zh_TW.UTF-8', 'zh-Hans-CN', 'en-US', ...): Chinese of any
 * region or script gets zh-CN (the only Chinese catalogue), any other language gets en. An empty or missing locale
 * tells us nothing, so it keeps the product's default, zh-CN.
 */
export function languageForLocale(locale: string | null | undefined): MainLanguage {
  const primary =
    (locale ?? '')
      .trim()
      .split(/[-_.@]/)[0]
      ?.toLowerCase() ?? '';
  if (primary === '' || primary === 'zh') return 'zh-CN';
  return 'en';
}

let language: MainLanguage = 'zh-CN';

export function getMainLanguage(): MainLanguage {
  return language;
}

/** Called once at startup by src/main/index.ts (and by tests). */
export function setMainLanguage(next: MainLanguage): void {
  language = next;
}

function lookup(catalogue: MainCatalogue, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/** `{name}` placeholders replaced by params; unknown placeholders stay as they are. Values are not re-scanned. */
export function interpolate(template: string, params?: MainMessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The text for a key in the current language. */
export function mainText(key: MainMessageKey, params?: MainMessageParams): string {
  return interpolate(lookup(MAIN_CATALOGUES[language], key) ?? key, params);
}
