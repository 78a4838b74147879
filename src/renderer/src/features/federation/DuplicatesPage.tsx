import { Anchor, Button, NumberInput, Stack, Tabs, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useJob } from '../../api/jobs';
import { useSession } from '../../app/session/session-context';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { JobProgressBar } from '../../components/JobProgressBar';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { saveExportedFile } from '../../components/save-export';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { yuan } from '../aid/aid-format';
import { personFacts } from './fed-format';

const PAGE_SIZE = 50;
type FileRow = ChannelOutput<'federation.duplicateFiles'>['items'][number];
type AidRow = ChannelOutput<'federation.duplicateAid'>['items'][number];

const centreLink = (code: string) => `/federation/centres/${encodeURIComponent(code)}`;

function PersonCell({ person }: { person: FileRow['person'] }) {
  const t = useT();
  return (
    <>
      <Text size="sm">{person.name}</Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {person.idNumberMasked}
      </Text>
      <Text size="xs" c="dimmed">
        {personFacts(t, person)}
      </Text>
    </>
  );
}

function DuplicateFiles() {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = useQuery('federation.duplicateFiles', { page, pageSize: PAGE_SIZE });
  const columns: DataColumn<FileRow>[] = [
    { key: 'person', header: t('fedDuplicates.person'), width: 220, render: (r) => <PersonCell person={r.person} /> },
    {
      key: 'places',
      header: t('fedDuplicates.places'),
      render: (r) => (
        <Stack gap={2}>
          {r.places.map((p) => (
            <Text size="sm" key={`${p.centreCode}/${p.recordId}/${p.role}`}>
              {p.centreName}（{t(`fedDuplicates.role.${p.role}`)}）{' '}
              <Anchor component={Link} to={`${centreLink(p.centreCode)}/files/${p.recordId}`} size="sm">
                {p.fileNo ?? t('fedCentre.noNumber')}
              </Anchor>
            </Text>
          ))}
        </Stack>
      ),
    },
  ];
  return (
    <>
      <QueryStatus loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && (
        <>
          <DataTable
            columns={columns}
            rows={list.data.items}
            rowKey={(r) => r.places.map((p) => p.recordId).join('/')}
            empty={t('fedDuplicates.emptyFiles')}
            minWidth={760}
            busy={list.loading}
            label={t('fedDuplicates.tabFiles')}
          />
          <ListPagination
            pages={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
            page={page}
            onChange={setPage}
            count={t('fedDuplicates.total', { total: list.data.total })}
          />
        </>
      )}
    </>
  );
}

/** The aid list of `year` (every year when not given); the page keeps the year, which its export takes too. */
function DuplicateAid({ year, setYear }: { year: number | undefined; setYear: (year: number | undefined) => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = useQuery('federation.duplicateAid', { year, page, pageSize: PAGE_SIZE });
  const columns: DataColumn<AidRow>[] = [
    { key: 'person', header: t('fedDuplicates.person'), width: 220, render: (r) => <PersonCell person={r.person} /> },
    { key: 'year', header: t('fedDuplicates.year'), width: 70, render: (r) => r.year },
    {
      key: 'byCentre',
      header: t('fedDuplicates.byCentre'),
      render: (r) => (
        <Stack gap={2}>
          {r.byCentre.map((c) => (
            <Anchor key={c.centreCode} component={Link} to={`${centreLink(c.centreCode)}?tab=payments&year=${r.year}`} size="sm">
              {t('fedDuplicates.byCentreValue', { centre: c.centreName, count: c.count, amount: yuan(c.amountFen) })}
            </Anchor>
          ))}
        </Stack>
      ),
    },
  ];
  return (
    <>
      <NumberInput
        label={t('fedDuplicates.year')}
        placeholder={t('fedCentre.allYears')}
        value={year ?? ''}
        onChange={(v) => {
          setYear(typeof v === 'number' && v >= 2000 && v <= 2100 ? v : undefined);
          setPage(1);
        }}
        min={2000}
        max={2100}
        allowDecimal={false}
        w={110}
        mb="md"
      />
      <QueryStatus loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && (
        <>
          <DataTable
            columns={columns}
            rows={list.data.items}
            rowKey={(r) => `${r.year}/${r.places.map((p) => p.recordId).join('/')}`}
            empty={t('fedDuplicates.emptyAid')}
            minWidth={760}
            busy={list.loading}
            label={t('fedDuplicates.tabAid')}
          />
          <ListPagination
            pages={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
            page={page}
            onChange={setPage}
            count={t('fedDuplicates.total', { total: list.data.total })}
          />
        </>
      )}
    </>
  );
}

/**
 * 重复核查: one person in active files of two centres, and aid paid to one person by two centres in a year. Both
 * lists export whole as .xlsx (the aid of the year chosen on its tab), to take up with the centres.
 */
export function DuplicatesPage() {
  const t = useT();
  const { session } = useSession();
  const canExport = roleAllows(session.user.role, 'clerk');
  const [year, setYear] = useState<number | undefined>();
  const exporting = useJob('federation.exportDuplicates');
  const exportXlsx = async () => saveExportedFile(await exporting.run({ year }), t('fedDuplicates.exported'));
  return (
    <>
      <PageHeader title={t('fedDuplicates.title')}>
        {canExport && (
          <Button
            leftSection={<IconFileSpreadsheet size={18} />}
            variant="default"
            loading={exporting.running}
            onClick={() => void exportXlsx()}
          >
            {t('fedDuplicates.export')}
          </Button>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md">
        {t('fedDuplicates.intro')}
      </Text>
      {exporting.running && <JobProgressBar label={t('fedDuplicates.export')} progress={exporting.progress} onCancel={exporting.cancel} />}
      <Tabs defaultValue="files" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="files">{t('fedDuplicates.tabFiles')}</Tabs.Tab>
          <Tabs.Tab value="aid">{t('fedDuplicates.tabAid')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="files">
          <DuplicateFiles />
        </Tabs.Panel>
        <Tabs.Panel value="aid">
          <DuplicateAid year={year} setYear={setYear} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
