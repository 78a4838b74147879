import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportCounts as Counts } from '@shared/contract/roster-import';
import { useT } from '../../i18n';

const SHOWN: { key: keyof Counts; color?: string }[] = [
  { key: 'new', color: 'green.8' },
  { key: 'updated', color: 'blue.8' },
  { key: 'unchanged' },
  { key: 'skipped' },
  { key: 'rejected', color: 'red.8' },
];

/** 新增 / 更新 / 无变化 / 跳过 / 未通过, as five figures side by side. */
export function ImportCounts({ counts }: { counts: Counts }) {
  const t = useT();
  return (
    <SimpleGrid cols={5} spacing="sm" maw={820} data-testid="import-counts">
      {SHOWN.map(({ key, color }) => (
        <Paper
          key={key}
          withBorder
          radius="md"
          px="md"
          py="sm"
          data-testid={`import-count-${key}`}
          aria-label={t(`rosterImport.counts.${key}`)}
        >
          <Text size="sm" c="dimmed">
            {t(`rosterImport.counts.${key}`)}
          </Text>
          <Text size="xl" fw={700} c={counts[key] > 0 ? color : 'dimmed'}>
            {counts[key]}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
