import { dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { WINDOW_TITLE } from './window-options';

/**
 * A minimal Chinese application menu. Reload and developer tools exist only in development: a packaged build has
 * no way into devtools from the menu (and the fuses turn off the Node inspector).
 */
export function installMenu(options: { isDev: boolean; version: string }): void {
  const view: MenuItemConstructorOptions[] = [
    ...(options.isDev
      ? ([
          { role: 'reload', label: '重新加载' },
          { role: 'toggleDevTools', label: '开发者工具' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];

  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: '关于',
              message: WINDOW_TITLE,
              detail: `版本 ${options.version}\nElectron ${process.versions.electron}`,
              buttons: ['确定'],
              noLink: true,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
