import { Alert, Anchor } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';

/**
 * For administrators, on every page but the audit page (which shows the alarms themselves): open audit alarms, i.e.
 * what the checks at start and sign-in found. Read again on each page change, so an acknowledgement clears it.
 */
export function AuditAlarmBanner({ enabled }: { enabled: boolean }) {
  const t = useT();
  const location = useLocation();
  const onAuditPage = location.pathname.startsWith('/audit');
  const alarms = useQuery('audit.alarms', {}, { enabled: enabled && !onAuditPage });
  const { reload } = alarms;
  const shownAt = useRef(location.pathname);
  useEffect(() => {
    if (shownAt.current === location.pathname) return; // the query has just loaded on its own
    shownAt.current = location.pathname;
    if (enabled && !onAuditPage) reload();
  }, [location.pathname, enabled, onAuditPage, reload]);

  const open = alarms.data?.alarms.filter((alarm) => !alarm.acknowledgedAt) ?? [];
  if (!enabled || onAuditPage || open.length === 0) return null;
  return (
    <Alert color="red" variant="filled" role="alert" mb="md" icon={<IconAlertTriangle size={20} />} title={t('audit.alarmsTitle')}>
      {t('audit.alarmsBanner', { count: open.length })}{' '}
      <Anchor component={Link} to="/audit" c="white" fw={700} underline="always">
        {t('audit.alarmsOpen')}
      </Anchor>
    </Alert>
  );
}
