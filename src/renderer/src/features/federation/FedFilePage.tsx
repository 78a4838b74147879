import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { codeLabel, personFacts } from './fed-format';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One file of a centre as it sent it, read-only: the facts, household, visits and timeline, ID numbers masked. */
export function FedFilePage() {
  const t = useT();
  const params = useParams();
  const code = decodeURIComponent(params.code ?? '');
  const q = useQuery('federation.centreFile', { centre: code, id: params.fileId ?? '' });
  const back = `/federation/centres/${encodeURIComponent(code)}`;
  const file = q.data?.file;
  const none = t('fedFile.none');
  return (
    <>
      <Anchor component={Link} to={back} size="sm">
        {t('fedFile.back')}
      </Anchor>
      <QueryStatus loading={q.loading && !q.data} error={q.error} onRetry={q.reload} />
      {q.data && file && (
        <Stack gap="md">
          <PageHeader title={t('fedFile.title', { fileNo: file.fileNo ?? t('fedCentre.noNumber') })} />
          <Text size="sm" c="dimmed">
            {q.data.centre.name} · {t('fedCentre.readOnly')} {t('fedFile.batch', { sequence: file.sequence, rev: file.rev })}
          </Text>
          {file.deleted && <Alert color="gray">{t('fedFile.deleted')}</Alert>}
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('fedFile.facts')}
            </Title>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Fact label={t('fedCentre.head')}>{file.head.name}</Fact>
              <Fact label={t('fedCentre.idNumber')}>
                {file.head.idNumberMasked} {personFacts(t, file.head)}
              </Fact>
              <Fact label={t('fedCentre.status')}>{t(`fileStatuses.${file.status}`)}</Fact>
              <Fact label={t('fedCentre.category')}>{file.category ? t(`hardshipCategories.${file.category}`) : none}</Fact>
              <Fact label={t('fedFile.workerType')}>{codeLabel('workerTypes', file.workerType) || none}</Fact>
              <Fact label={t('fedFile.entryKind')}>{codeLabel('entryKinds', file.entryKind) || none}</Fact>
              <Fact label={t('fedFile.approvedOn')}>{file.approvedOn ?? none}</Fact>
              <Fact label={t('fedFile.reviewedOn')}>{file.reviewedOn ?? none}</Fact>
              {file.legacyNo && <Fact label={t('fedFile.legacyNo')}>{file.legacyNo}</Fact>}
            </SimpleGrid>
            <Text size="sm" mt="sm">
              {t('fedFile.payments')}{' '}
              <Anchor component={Link} to={`${back}?tab=payments`} size="sm">
                {t('fedCentre.tabPayments')}
              </Anchor>
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('fedFile.householdTitle')}
            </Title>
            <Table aria-label={t('fedFile.householdTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fedCentre.name')}</Table.Th>
                  <Table.Th>{t('fedFile.relation')}</Table.Th>
                  <Table.Th>{t('fedCentre.idNumber')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.household.map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{h.name}</Table.Td>
                    <Table.Td>{codeLabel('relations', h.relation)}</Table.Td>
                    <Table.Td ff="monospace">
                      {h.idNumberMasked} {personFacts(t, h)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {file.household.length === 0 && <Text size="sm">{none}</Text>}
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('fedFile.visitsTitle')}
            </Title>
            {file.visits.length === 0 ? (
              <Text size="sm">{none}</Text>
            ) : (
              <Table aria-label={t('fedFile.visitsTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fedFile.visitDate')}</Table.Th>
                    <Table.Th>{t('fedFile.visitKind')}</Table.Th>
                    <Table.Th>{t('fedFile.visitors')}</Table.Th>
                    <Table.Th>{t('fedFile.allClear')}</Table.Th>
                    <Table.Th>{t('fedFile.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {file.visits.map((v, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{v.date}</Table.Td>
                      <Table.Td>{codeLabel('visitKinds', v.kind)}</Table.Td>
                      <Table.Td>{v.visitors}</Table.Td>
                      <Table.Td>{v.allClear ? t('fedFile.allClearYes') : t('fedFile.allClearNo')}</Table.Td>
                      <Table.Td>{v.note ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('fedFile.eventsTitle')}
            </Title>
            {file.events.length === 0 ? (
              <Text size="sm">{none}</Text>
            ) : (
              <Table aria-label={t('fedFile.eventsTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fedFile.eventAt')}</Table.Th>
                    <Table.Th>{t('fedFile.eventAction')}</Table.Th>
                    <Table.Th>{t('fedFile.eventStatus')}</Table.Th>
                    <Table.Th>{t('fedFile.eventReason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {file.events.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{formatDateTime(e.at)}</Table.Td>
                      <Table.Td>{codeLabel('fileActions', e.action)}</Table.Td>
                      <Table.Td>
                        {e.fromStatus ? `${codeLabel('fileStatuses', e.fromStatus)} → ` : ''}
                        {codeLabel('fileStatuses', e.toStatus)}
                      </Table.Td>
                      <Table.Td>{e.reason ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
