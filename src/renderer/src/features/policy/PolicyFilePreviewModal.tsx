import { Alert, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { PolicyFilePlan } from '@shared/contract/policy-file';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { formatPolicyValue, regionText } from './policy-format';

export interface PolicyFileUpload {
  uploadId: string;
  fileName: string;
  plan: PolicyFilePlan;
}

const STATE_TEXT = { new: 'policyFile.stateNew', exists: 'policyFile.stateExists', voided: 'policyFile.stateVoided' } as const;

function StateBadge({ state }: { state: 'new' | 'exists' | 'voided' }) {
  const t = useT();
  return (
    <Badge variant="light" color={state === 'new' ? 'green' : 'gray'}>
      {t(STATE_TEXT[state])}
    </Badge>
  );
}

/** 导入政策文件 (centre, administrator): what the checked file holds, what is new and what is here already; then 导入. */
export function PolicyFilePreviewModal({
  file,
  onClose,
  onImported,
}: {
  file: PolicyFileUpload | null;
  onClose: () => void;
  onImported: () => void;
}) {
  const t = useT();
  const importing = useMutation('policyFile.import');
  if (!file) return null;
  const { plan } = file;
  const news = plan.values.filter((v) => v.state === 'new').length + plan.programs.filter((p) => p.state === 'new').length;

  const run = async () => {
    const result = await importing.run({ uploadId: file.uploadId, fileName: file.fileName });
    if (!result.ok) return;
    const done = result.data;
    const count = (lines: { state: string }[], state: string) => lines.filter((l) => l.state === state).length;
    notifySuccess(
      t('policyFile.imported', {
        issue: done.source.issue,
        values: count(done.values, 'new'),
        programs: count(done.programs, 'new'),
        skipped: done.values.length + done.programs.length - count(done.values, 'new') - count(done.programs, 'new'),
      }),
    );
    onImported();
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('policyFile.previewTitle', { name: plan.source.name, issue: plan.source.issue })}>
      <Stack gap="md">
        <Text size="sm">
          {t('policyFile.previewIntro', {
            name: plan.source.name,
            code: plan.source.code,
            createdAt: formatDateTime(plan.source.createdAt),
          })}
        </Text>
        {plan.outcome === 'repeat' && <Alert color="blue">{t('policyFile.repeat', { issue: plan.source.issue })}</Alert>}
        {plan.outcome === 'new' && news === 0 && <Alert color="blue">{t('policyFile.nothingNew')}</Alert>}
        <ScrollArea.Autosize mah={360}>
          {plan.values.length > 0 && (
            <>
              <Title order={4} mb="xs">
                {t('policyFile.values')}
              </Title>
              <Table aria-label={t('policyFile.values')} mb="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('policy.key')}</Table.Th>
                    <Table.Th>{t('policy.region')}</Table.Th>
                    <Table.Th>{t('policy.effectiveFrom')}</Table.Th>
                    <Table.Th>{t('policy.value')}</Table.Th>
                    <Table.Th>{t('policy.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.values.map((v) => (
                    <Table.Tr key={`${v.key}|${v.regionCode}|${v.effectiveFrom}`}>
                      <Table.Td>{t(`policyKeys.${v.key}`)}</Table.Td>
                      <Table.Td>{v.regionCode ? regionText(v.regionCode) : t('policy.officeWide')}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{v.effectiveFrom}</Table.Td>
                      <Table.Td>{formatPolicyValue(t, v.key, v.value)}</Table.Td>
                      <Table.Td>
                        <StateBadge state={v.state} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {plan.programs.length > 0 && (
            <>
              <Title order={4} mb="xs">
                {t('policyFile.programs')}
              </Title>
              <Table aria-label={t('policyFile.programs')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('policyFile.programName')}</Table.Th>
                    <Table.Th>{t('policyFile.programType')}</Table.Th>
                    <Table.Th>{t('policyFile.programYearShort')}</Table.Th>
                    <Table.Th>{t('policyFile.fundSource')}</Table.Th>
                    <Table.Th>{t('policy.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.programs.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td>{t(`aidTypes.${p.type}`)}</Table.Td>
                      <Table.Td>{p.year}</Table.Td>
                      <Table.Td>{t(`fundSources.${p.fundSource}`)}</Table.Td>
                      <Table.Td>
                        <StateBadge state={p.state} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </ScrollArea.Autosize>
        {importing.error && <ErrorAlert error={importing.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={importing.running} disabled={plan.outcome === 'repeat'} onClick={() => void run()}>
            {t('policyFile.importDo')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
