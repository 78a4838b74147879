import { Fragment, type ReactNode } from 'react';
import { GuardedModal } from './GuardedModal';

interface RecordModalProps<R extends { id: string }> {
  /** The record being worked on; null = closed. */
  record: R | null;
  title: (record: R) => string;
  onClose: () => void;
  /** The form for the record, made afresh for each record: nothing typed for one shows for the next. */
  children: (record: R) => ReactNode;
}

/**
 * A dialog about one record (edit it, reset its password …), open while a record is chosen. Its form may call
 * useDialogDirty/useDialogValues so that Esc or a click outside asks before dropping what was typed.
 */
export function RecordModal<R extends { id: string }>({ record, title, onClose, children }: RecordModalProps<R>) {
  return (
    <GuardedModal opened={record !== null} onClose={onClose} title={record ? title(record) : ''} centered>
      {record && <Fragment key={record.id}>{children(record)}</Fragment>}
    </GuardedModal>
  );
}
