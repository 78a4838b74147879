import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { useState } from 'react';
import { calendarDayKind } from '@shared/contract/policy';
import { useMutation, useQuery } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';

type Kind = (typeof calendarDayKind.options)[number];

/** 节假日与调休: the days a notice period does not count (holidays) or does (worked weekends), kept by an administrator. */
export function WorkingCalendar({ today, isAdmin }: { today: string; isAdmin: boolean }) {
  const t = useT();
  const from = `${today.slice(0, 4)}-01-01`;
  const days = useQuery('policy.calendar', { from });
  const setDay = useMutation('policy.setDay');
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('holiday');

  const save = async (day: string, to: Kind | null) => {
    const result = await setDay.run({ date: day, kind: to });
    if (!result.ok) return;
    notifySuccess(t('policy.calendarSaved', { date: day }));
    setDate(null);
    days.reload();
  };

  return (
    <Paper withBorder radius="md" p="lg" maw={900} mt="xl">
      <Stack gap="sm">
        <Title order={3}>{t('policy.calendarTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('policy.calendarIntro')}
        </Text>
        <ErrorAlert error={setDay.error ?? days.error} />
        {isAdmin && (
          <Group align="flex-end">
            <ClerkDateInput label={t('policy.calendarDate')} valueFormat="YYYY-MM-DD" value={date} onChange={setDate} w={180} />
            <Select
              label={t('policy.calendarKind')}
              data={calendarDayKind.options.map((k) => ({ value: k, label: t(`calendarDayKinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as Kind)}
              allowDeselect={false}
              w={160}
            />
            <Button onClick={() => date && void save(date, kind)} disabled={!date} loading={setDay.running}>
              {t('policy.calendarSet')}
            </Button>
          </Group>
        )}
        {days.data && (
          <DataTable
            label={t('policy.calendarTitle')}
            rows={days.data.days}
            rowKey={(d) => d.date}
            empty={t('policy.calendarEmpty')}
            minWidth={480}
            dense={!isAdmin}
            columns={[
              { key: 'date', header: t('policy.calendarDate'), width: 140, render: (d) => d.date },
              { key: 'kind', header: t('policy.calendarKind'), render: (d) => t(`calendarDayKinds.${d.kind}`) },
              { key: 'by', header: t('policy.entered'), width: 140, render: (d) => d.setBy ?? '' },
              ...(isAdmin
                ? [
                    {
                      key: 'clear',
                      header: '',
                      width: 130,
                      render: (d: { date: string }) => (
                        <Button size="compact-sm" variant="subtle" onClick={() => void save(d.date, null)}>
                          {t('policy.calendarClear')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Stack>
    </Paper>
  );
}
