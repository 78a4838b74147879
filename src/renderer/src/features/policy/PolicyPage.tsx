import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelOutput } from '@shared/contract';
import type { PolicyValueItem } from '@shared/contract/policy';
import { POLICY_RULES } from '@shared/domain/policy';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { AddPolicyValueModal } from './AddPolicyValueModal';
import { PolicyFileButtons } from './PolicyFileButtons';
import { formatPolicyValue, regionText } from './policy-format';
import { VoidPolicyValueModal } from './VoidPolicyValueModal';
import { WorkingCalendar } from './WorkingCalendar';

type PolicyList = ChannelOutput<'policy.list'>;

/** What applies today, the first thing a clerk looks for; a missing 低保 line is said loudly. */
function InForce({ list, isAdmin }: { list: PolicyList; isAdmin: boolean }) {
  const t = useT();
  const lineMissing = list.inForce.some((v) => v.key === 'lowIncomeLine' && v.value === null);
  // No value of the office's own in force today: the docs/domain.md default applies.
  const isDefault = (key: string) => !list.values.some((v) => v.key === key && !v.voidedAt && v.effectiveFrom <= list.today);
  return (
    <Paper withBorder radius="md" p="lg" maw={900} mb="xl">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('policy.inForceTitle', { today: list.today })}</Title>
          <Text size="sm" c="dimmed">
            {t('policy.inForceRegion', { region: regionText(list.regionCode) })}
          </Text>
        </Group>
        {lineMissing && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert">
            {t(isAdmin ? 'policy.lineMissing' : 'policy.lineMissingViewer')}
          </Alert>
        )}
        <Table aria-label={t('policy.inForceTitle', { today: list.today })} verticalSpacing="xs">
          <Table.Tbody>
            {list.inForce.map((v) => (
              <Table.Tr key={v.key} data-testid={`in-force-${v.key}`}>
                <Table.Th w={220}>{t(`policyKeys.${v.key}`)}</Table.Th>
                <Table.Td>
                  {v.value === null && POLICY_RULES[v.key].optional ? (
                    <Text c="dimmed" span>
                      {t('policy.noCap')}
                    </Text>
                  ) : v.value === null ? (
                    <Text c="orange.8" fw={600} span>
                      {t('policy.notSet')}
                    </Text>
                  ) : (
                    <Group gap="xs">
                      <span>{formatPolicyValue(t, v.key, v.value)}</span>
                      {isDefault(v.key) && (
                        <Badge variant="light" color="gray" size="sm">
                          {t('policy.isDefault')}
                        </Badge>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/** 政策参数: policy numbers with effective dates; everyone reads them, an administrator adds and voids. */
export function PolicyPage() {
  const t = useT();
  const { session } = useSession();
  const isAdmin = roleAllows(session.user.role, 'admin');
  const policy = useQuery('policy.list', {});
  const [adding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<PolicyValueItem | null>(null);

  const columns: DataColumn<PolicyValueItem>[] = [
    { key: 'key', header: t('policy.key'), width: 160, render: (v) => t(`policyKeys.${v.key}`) },
    { key: 'region', header: t('policy.region'), render: (v) => (v.regionCode ? regionText(v.regionCode) : t('policy.officeWide')) },
    { key: 'from', header: t('policy.effectiveFrom'), width: 120, nowrap: true, render: (v) => v.effectiveFrom },
    { key: 'value', header: t('policy.value'), width: 190, render: (v) => formatPolicyValue(t, v.key, v.value) },
    {
      key: 'entered',
      header: t('policy.entered'),
      width: 170,
      render: (v) => (
        <Text size="sm">
          {v.createdBy ?? t('common.none')}
          <br />
          <Text span size="xs" c="dimmed">
            {formatDateTime(v.createdAt)}
          </Text>
          {v.sourceCode && (
            <>
              <br />
              <Badge variant="light" color="blue" size="sm" title={t('policyFile.fromFederationIssue', { issue: v.sourceIssue ?? 0 })}>
                {t('policyFile.fromFederation')}
              </Badge>
              <br />
              <Text span size="xs" c="dimmed" data-testid="policy-source" title={v.sourceCode}>
                {v.sourceName ?? v.sourceCode}
              </Text>
            </>
          )}
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('policy.status'),
      width: 220,
      render: (v) =>
        v.voidedAt ? (
          <Stack gap={2}>
            <Badge color="gray" variant="light">
              {t('policy.voided')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('policy.voidedDetail', {
                name: v.voidedBy ?? t('common.none'),
                at: formatDateTime(v.voidedAt),
                reason: v.voidReason ?? '',
              })}
            </Text>
          </Stack>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Badge color="green" variant="light">
              {t('policy.active')}
            </Badge>
            {isAdmin && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setVoiding(v)}>
                {t('policy.void')}
              </Button>
            )}
          </Group>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('policy.title')}>
        {isAdmin && policy.data && <PolicyFileButtons today={policy.data.today} onImported={policy.reload} />}
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} disabled={!policy.data}>
            {t('policy.add')}
          </Button>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed" maw={900} mb="lg">
        {t('policy.intro')}
      </Text>
      <QueryStatus loading={policy.loading && !policy.data} error={policy.error} onRetry={policy.reload} />
      {policy.data && (
        <>
          <InForce list={policy.data} isAdmin={isAdmin} />
          <Title order={3} mb="sm">
            {t('policy.allValues')}
          </Title>
          <DataTable
            columns={columns}
            rows={policy.data.values}
            rowKey={(v) => v.id}
            empty={t('policy.empty')}
            minWidth={900}
            maxWidth={1100}
            busy={policy.loading}
            label={t('policy.allValues')}
          />
          <WorkingCalendar today={policy.data.today} isAdmin={isAdmin} />
          <AddPolicyValueModal
            opened={adding}
            regionCode={policy.data.regionCode}
            today={policy.data.today}
            onClose={() => setAdding(false)}
            onAdded={(value) => {
              setAdding(false);
              notifySuccess(t('policy.added', { key: t(`policyKeys.${value.key}`) }));
              policy.reload();
            }}
          />
        </>
      )}
      <VoidPolicyValueModal
        value={voiding}
        onClose={() => setVoiding(null)}
        onVoided={() => {
          setVoiding(null);
          notifySuccess(t('policy.voidDone'));
          policy.reload();
        }}
      />
    </>
  );
}
