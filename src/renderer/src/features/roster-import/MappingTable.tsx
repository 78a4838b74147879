import { Paper, Select, Table, Text } from '@mantine/core';
import { ROSTER_IMPORT_FIELDS } from '@shared/contract/roster-import';
import { useT } from '../../i18n';
import type { ColumnFields, Inspection } from './import-plan';
import { columnLetter, fieldLabel, isImportField } from './import-text';

/** How many rows of the file are shown under the headers. */
const SAMPLE_ROWS = 5;
const SKIP = 'skip';

interface MappingTableProps {
  inspection: Inspection;
  columns: ColumnFields;
  onChange: (column: number, field: ColumnFields[number]) => void;
}

/**
 * The sheet as the clerk knows it: each column's letter and header, under it what it is imported as, and the
 * first rows of the file, so a wrong guess (a 联系人 column taken for 姓名) shows at a glance.
 */
export function MappingTable({ inspection, columns, onChange }: MappingTableProps) {
  const t = useT();
  const options = [
    { value: SKIP, label: t('rosterImport.skipColumn') },
    ...ROSTER_IMPORT_FIELDS.map((field) => ({ value: field, label: fieldLabel(field) })),
  ];
  const sample = inspection.sample.slice(0, SAMPLE_ROWS);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={Math.max(640, columns.length * 150)} type="native">
        <Table withColumnBorders verticalSpacing="xs" horizontalSpacing="sm" aria-label={t('rosterImport.stepMapping')}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((_, column) => (
                <Table.Th key={column} miw={140} style={{ verticalAlign: 'bottom' }}>
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('rosterImport.column', { letter: columnLetter(column) })}
                  </Text>
                  <Text size="sm" fw={600} lineClamp={2}>
                    {inspection.headers[column] || t('rosterImport.emptyHeader')}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              {columns.map((field, column) => (
                <Table.Th key={column} fw={400}>
                  <Select
                    aria-label={t('rosterImport.mapTo', { header: inspection.headers[column] || columnLetter(column) })}
                    data={options}
                    value={field ?? SKIP}
                    onChange={(value) => onChange(column, isImportField(value) ? value : null)}
                    allowDeselect={false}
                    size="xs"
                    variant={field ? 'default' : 'filled'}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.map((row, index) => (
              <Table.Tr key={index}>
                {columns.map((field, column) => (
                  <Table.Td
                    key={column}
                    c={field ? undefined : 'dimmed'}
                    className="bangfu-nowrap"
                    maw={320}
                    style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}
                  >
                    {row[column] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" px="sm" py={6}>
        {t('rosterImport.sampleRows', { count: sample.length })}
      </Text>
    </Paper>
  );
}
