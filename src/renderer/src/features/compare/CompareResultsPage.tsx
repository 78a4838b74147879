import { Anchor, Badge, Button, Checkbox, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CompareCounts, CompareLine, CompareView } from '@shared/contract/compare';
import { COMPARE_VIEWS } from '@shared/contract/compare';
import { useQuery } from '../../api/hooks';
import { useJob } from '../../api/jobs';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { JobProgressBar } from '../../components/JobProgressBar';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { saveExportedFile } from '../../components/save-export';
import { QueryStatus } from '../../components/QueryStatus';
import { knownText, t, useT } from '../../i18n';

const PAGE_SIZE = 50;

/** The count of one tab, from the counts of all three (the rule of compare-results.ts viewTotal). */
function viewTotal(counts: CompareCounts, view: CompareView, onlyNameMismatch: boolean): number {
  if (view === 'matched') return onlyNameMismatch ? counts.nameMismatch : counts.matched;
  return view === 'missing' ? (counts.missing ?? 0) : counts.outreach;
}

/** One list's comparison: three tabs (in our files, should be on the list, on the list with no file), paged, exportable. */
export function CompareResultsPage() {
  useT();
  const { listId = '' } = useParams();
  const [view, setView] = useState<CompareView>('matched');
  const [page, setPage] = useState(1);
  const [onlyNameMismatch, setOnlyNameMismatch] = useState(false);
  // The counts of the three lists once, when the list opens (a pass over list and files); the pages without them.
  const summary = useQuery('compare.results', { listId, view: 'matched', pageSize: 1, withCounts: true });
  const results = useQuery('compare.results', {
    listId,
    view,
    page,
    pageSize: PAGE_SIZE,
    onlyNameMismatch: view === 'matched' && onlyNameMismatch,
    withCounts: false,
  });
  const exporting = useJob('compare.export');
  const data = results.data;

  const exportXlsx = async () => saveExportedFile(await exporting.run({ listId }), t('compare.exported'));

  const counts = summary.data?.counts ?? null;
  const total = counts && viewTotal(counts, view, view === 'matched' && onlyNameMismatch);
  const tabCount = (v: CompareView) => {
    if (!counts) return '';
    const count = v === 'matched' ? counts.matched : v === 'missing' ? counts.missing : counts.outreach;
    return count === null ? t(`compare.tabs.${v}`) : t('compare.tabCount', { label: t(`compare.tabs.${v}`), count });
  };
  const list = data?.list;
  const missingHelp = list && knownText(`compare.missingHelp.${list.kind}`);

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/compare" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('compare.back')}
        </Group>
      </Anchor>
      <PageHeader title={list ? `${t('compare.title')}：${list.source}` : t('compare.title')}>
        <Button
          leftSection={<IconFileSpreadsheet size={18} />}
          variant="default"
          loading={exporting.running}
          onClick={() => void exportXlsx()}
          disabled={!list}
        >
          {t('compare.export')}
        </Button>
      </PageHeader>
      {list && (
        <Text size="sm" c="dimmed">
          {t(`compareKinds.${list.kind}`)} · {list.fileName} · {formatDateTime(list.importedAt)} · {t('compare.rows')} {list.rows}
        </Text>
      )}
      {exporting.running && <JobProgressBar label={t('compare.export')} progress={exporting.progress} onCancel={exporting.cancel} />}
      <QueryStatus
        loading={results.loading && !data}
        error={results.error ?? summary.error}
        onRetry={() => {
          results.reload();
          summary.reload();
        }}
      />
      <Tabs
        value={view}
        onChange={(value) => {
          if (!value) return;
          setView(value as CompareView);
          setPage(1);
        }}
      >
        <Tabs.List>
          {COMPARE_VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v}>
              {tabCount(v)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {view === 'matched' && (
        <Checkbox
          label={counts ? `${t('compare.onlyMismatch')}（${counts.nameMismatch}）` : t('compare.onlyMismatch')}
          checked={onlyNameMismatch}
          onChange={(e) => {
            setOnlyNameMismatch(e.currentTarget.checked);
            setPage(1);
          }}
        />
      )}
      {view === 'missing' && counts && (
        <Text size="sm" c="dimmed">
          {counts.missing === null ? t('compare.notApplicable') : missingHelp}
        </Text>
      )}
      {view === 'outreach' && (
        <Text size="sm" c="dimmed">
          {t('compare.outreachHelp')}
        </Text>
      )}
      {data && !(view === 'missing' && counts?.missing === null) && (
        <>
          <DataTable
            label={t(`compare.tabs.${view}`)}
            columns={columnsFor(view, data.list.extraHeaders)}
            rows={data.lines}
            rowKey={(line) => `${line.rowNumber ?? ''}|${line.fileId ?? ''}|${line.ourName ?? ''}|${line.idNumberMasked}`}
            empty={t('compare.empty')}
            minWidth={900}
            busy={results.loading}
          />
          {total !== null && (
            <ListPagination
              pages={Math.max(1, Math.ceil(total / PAGE_SIZE))}
              page={page}
              onChange={setPage}
              count={t('compare.total', { total })}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function FileLink({ line }: { line: CompareLine }) {
  if (!line.fileId) return null;
  return (
    <Anchor component={Link} to={`/files/${line.fileId}`}>
      {line.fileNo ?? t('compare.unnumbered')}
    </Anchor>
  );
}

/** The columns of a view (the page's useT keeps them in the current language: they are built on each render). */
function columnsFor(view: CompareView, extraHeaders: string[]): DataColumn<CompareLine>[] {
  const extras: DataColumn<CompareLine>[] = extraHeaders.map((header, i) => ({ key: `x${i}`, header, render: (l) => l.extra[i] ?? '' }));
  const row: DataColumn<CompareLine> = { key: 'row', header: t('compare.colRow'), width: 80, align: 'right', render: (l) => l.rowNumber };
  const id: DataColumn<CompareLine> = {
    key: 'id',
    header: t('compare.colId'),
    width: 190,
    monospace: true,
    render: (l) => l.idNumberMasked,
  };
  const file: DataColumn<CompareLine> = { key: 'file', header: t('compare.colFile'), width: 170, render: (l) => <FileLink line={l} /> };
  const status: DataColumn<CompareLine> = {
    key: 'status',
    header: t('compare.colStatus'),
    width: 100,
    render: (l) => (l.fileStatus ? (knownText(`fileStatuses.${l.fileStatus}`) ?? l.fileStatus) : ''),
  };
  const category: DataColumn<CompareLine> = {
    key: 'category',
    header: t('compare.colCategory'),
    width: 100,
    render: (l) => (l.category ? (knownText(`hardshipCategories.${l.category}`) ?? l.category) : ''),
  };
  const relation: DataColumn<CompareLine> = {
    key: 'relation',
    header: t('compare.colRelation'),
    width: 100,
    render: (l) => (l.relation ? (knownText(`relations.${l.relation}`) ?? l.relation) : ''),
  };
  if (view === 'matched')
    return [
      row,
      {
        key: 'listName',
        header: t('compare.colListName'),
        render: (l) => (
          <Group gap={6} wrap="nowrap">
            <span>{l.listName}</span>
            {l.nameMismatch && (
              <Badge color="orange" variant="light" size="sm">
                {t('compare.nameMismatch')}
              </Badge>
            )}
          </Group>
        ),
      },
      id,
      { key: 'ourName', header: t('compare.colOurName'), render: (l) => l.ourName },
      relation,
      file,
      status,
      category,
      ...extras,
    ];
  if (view === 'missing')
    return [
      file,
      { key: 'head', header: t('compare.colHead'), render: (l) => l.headName },
      { key: 'ourName', header: t('compare.colOurName'), render: (l) => l.ourName },
      relation,
      id,
      status,
      category,
    ];
  return [
    row,
    { key: 'listName', header: t('compare.colListName'), render: (l) => l.listName },
    id,
    { key: 'inRoster', header: t('compare.colInRoster'), width: 100, render: (l) => t(l.inRoster ? 'compare.yes' : 'compare.no') },
    ...extras,
  ];
}
