import { dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { mainText } from './messages';

/**
 * A minimal application menu (text from messages.ts). Reload and developer tools exist only in development: a packaged build has
 * no way into devtools from the menu (and the fuses turn off the Node inspector).
 */
export function installMenu(options: { isDev: boolean; version: string }): void {
  const view: MenuItemConstructorOptions[] = [
    ...(options.isDev
      ? ([
          { role: 'reload', label: mainText('menu.reload') },
          { role: 'toggleDevTools', label: mainText('menu.devTools') },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom', label: mainText('menu.actualSize') },
    { role: 'zoomIn', label: mainText('menu.zoomIn') },
    { role: 'zoomOut', label: mainText('menu.zoomOut') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: mainText('menu.fullScreen') },
  ];

  const template: MenuItemConstructorOptions[] = [
    { label: mainText('menu.file'), submenu: [{ role: 'quit', label: mainText('menu.quit') }] },
    {
      label: mainText('menu.edit'),
      submenu: [
        { role: 'undo', label: mainText('menu.undo') },
        { role: 'redo', label: mainText('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: mainText('menu.cut') },
        { role: 'copy', label: mainText('menu.copy') },
        { role: 'paste', label: mainText('menu.paste') },
        { role: 'selectAll', label: mainText('menu.selectAll') },
      ],
    },
    { label: mainText('menu.view'), submenu: view },
    {
      label: mainText('menu.help'),
      submenu: [
        {
          label: mainText('menu.about'),
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: mainText('menu.about'),
              message: mainText('app.name'),
              detail: mainText('menu.aboutDetail', { version: options.version, electron: process.versions.electron }),
              buttons: [mainText('common.ok')],
              noLink: true,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
