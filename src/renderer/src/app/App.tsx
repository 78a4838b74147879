import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import 'dayjs/locale/zh-cn';
import { useMemo } from 'react';
import { useLanguage } from '../i18n';
import { BootGate } from './boot/BootGate';
import { HostRestartedScreen, useHostRestarted } from './boot/HostRestartedScreen';
import { appTheme } from './theme';

export function App() {
  const language = useLanguage();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the theme's words follow the language
  const theme = useMemo(() => appTheme(), [language]);
  const hostRestarted = useHostRestarted();
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
        {/* Bottom left, over the navigation: page actions, table actions, paging and dialogs sit elsewhere. */}
        <Notifications position="bottom-left" limit={3} />
        {hostRestarted ? <HostRestartedScreen /> : <BootGate />}
      </DatesProvider>
    </MantineProvider>
  );
}
