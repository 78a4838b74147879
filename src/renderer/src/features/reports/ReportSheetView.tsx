import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import type { ReportSheet, SheetCell } from '@shared/domain/report-sheet';
import { formatYuan } from '../../components/money';
import { useT } from '../../i18n';

interface ReportSheetViewProps {
  sheet: ReportSheet;
  /** Opens the list behind a number (the cell's drill key); without it numbers are plain. */
  onDrill?: (key: string, cell: SheetCell) => void;
}

/** A cell's value as printed: a count as it is, an amount in yuan with two decimals, else its text. */
function valueOf(cell: SheetCell): string {
  if (cell.fen !== undefined) return formatYuan(cell.fen);
  if (cell.count !== undefined) return String(cell.count);
  return cell.text ?? '';
}

const isNumber = (cell: SheetCell) => cell.fen !== undefined || cell.count !== undefined;

function Cell({ cell, header, onDrill }: { cell: SheetCell; header?: boolean; onDrill?: ReportSheetViewProps['onDrill'] }) {
  const value = valueOf(cell);
  const spans = { colSpan: cell.colSpan, rowSpan: cell.rowSpan };
  if (header)
    return (
      <Table.Th {...spans} style={{ textAlign: 'center', whiteSpace: 'nowrap' }}>
        {value}
      </Table.Th>
    );
  const numeric = isNumber(cell);
  return (
    <Table.Td {...spans} style={{ textAlign: numeric ? 'right' : 'left', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {cell.drill && onDrill ? (
        <Anchor component="button" type="button" size="sm" onClick={() => onDrill(cell.drill!, cell)}>
          {value}
        </Anchor>
      ) : (
        value
      )}
    </Table.Td>
  );
}

/**
 * Any report sheet (src/shared/domain/report-sheet.ts) as an HTML table, as the .xlsx and the PDF print it: title,
 * reporting unit, period and as-of day, merged header cells, the body, the totals row, the notes and the moment it was
 * computed. Every number with a drill key is a link to the list behind it. The sheet's words are the federation's
 * Chinese forms in either interface language; only the frame's labels follow the language.
 */
export function ReportSheetView({ sheet, onDrill }: ReportSheetViewProps) {
  const t = useT();
  return (
    <Stack gap="xs">
      <Title order={3} ta="center">
        {sheet.title}
      </Title>
      <Text size="sm" c="dimmed">
        {t('reports.reportingUnit', { unit: sheet.reportingUnit })} · {t('reports.periodLine', { period: sheet.period, asOf: sheet.asOf })}
        {sheet.unitsNote ? ` · ${sheet.unitsNote}` : ''}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table
          withTableBorder
          withColumnBorders
          striped={false}
          verticalSpacing={4}
          horizontalSpacing="xs"
          fz="sm"
          aria-label={sheet.title}
        >
          <Table.Thead>
            {sheet.header.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  <Cell key={c} cell={cell} header />
                ))}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {sheet.body.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  <Cell key={c} cell={cell} onDrill={onDrill} />
                ))}
              </Table.Tr>
            ))}
            {sheet.totals && (
              <Table.Tr fw={700} bg="var(--mantine-color-gray-0)">
                {sheet.totals.map((cell, c) => (
                  <Cell key={c} cell={cell} onDrill={onDrill} />
                ))}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {sheet.notes?.map((note) => (
        <Text key={note} size="sm">
          {note}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        {t('reports.computedAt', { at: sheet.computedAt })}
      </Text>
    </Stack>
  );
}
