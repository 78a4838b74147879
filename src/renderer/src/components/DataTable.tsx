import { Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DataColumn<Row> {
  key: string;
  header: ReactNode;
  /** A fixed width in px; columns without one share what is left. */
  width?: number;
  align?: 'left' | 'center' | 'right';
  /** Keeps the cell on one line (times read badly when broken over two). */
  nowrap?: boolean;
  /** Codes and user names, easier to compare letter by letter. */
  monospace?: boolean;
  render: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  columns: DataColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** Said under the header when there are no rows. */
  empty: ReactNode;
  /** Narrower than this, the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  maxWidth?: number;
  /** Other rows are on their way: the shown ones stay, dimmed, and the table says it is busy. */
  busy?: boolean;
  /** Tighter rows without the hover highlight, for a read-only log where no row has actions. */
  dense?: boolean;
  /**
   * Opens the row's record on a click anywhere in the row. A mouse convenience only: one cell should also hold a
   * link or button to the record, which keyboards and screen readers use.
   */
  onRowClick?: (row: Row) => void;
  /** The table's accessible name, when a page has more than one table or no heading right above it. */
  label?: string;
}

/** A bordered list of records, one row each, with a header row from the column definitions. */
export function DataTable<Row>({ columns, rows, rowKey, empty, minWidth, maxWidth, busy, dense, onRowClick, label }: DataTableProps<Row>) {
  return (
    <Paper withBorder radius="md" maw={maxWidth} style={busy ? { opacity: 0.6 } : undefined}>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table
          striped
          highlightOnHover={!dense}
          verticalSpacing={dense ? 'xs' : 'sm'}
          horizontalSpacing="md"
          aria-busy={busy}
          aria-label={label}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} w={column.width} ta={column.align}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={rowKey(row)}
                onClick={onRowClick && (() => onRowClick(row))}
                style={onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {columns.map((column) => (
                  <Table.Td
                    key={column.key}
                    ta={column.align}
                    ff={column.monospace ? 'monospace' : undefined}
                    className={column.nowrap ? 'bangfu-nowrap' : undefined}
                  >
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && (
        <Text component="div" c="dimmed" ta="center" py="lg">
          {empty}
        </Text>
      )}
    </Paper>
  );
}
