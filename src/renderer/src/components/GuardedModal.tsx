import { Button, Group, Modal, Paper, Text, type ModalProps } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';

/** Lets the form inside a GuardedModal say whether anything was typed (useDialogDirty / useDialogValues). */
const DirtyContext = createContext<((dirty: boolean) => void) | null>(null);

/**
 * The form in a GuardedModal reports whether the clerk has typed or chosen anything since it opened. Outside a
 * GuardedModal it does nothing, so a form may be used in a page too.
 */
export function useDialogDirty(dirty: boolean): void {
  const report = useContext(DirtyContext);
  useEffect(() => {
    report?.(dirty);
  }, [report, dirty]);
  // A form that goes away (saved, or a step further) leaves nothing to lose.
  useEffect(() => () => report?.(false), [report]);
}

/** useDialogDirty for a form whose state is plain values: dirty once they differ from those it opened with. */
export function useDialogValues(values: unknown): void {
  const [initial] = useState(() => JSON.stringify(values));
  useDialogDirty(JSON.stringify(values) !== initial);
}

/**
 * A Modal that does not lose what was typed to Esc, a click outside or the close button: while the form inside it
 * reports itself dirty (useDialogDirty), those ask 放弃已填写的内容？ first, at the top of the dialog. 取消 and a successful save close it
 * as the form says (they call onClose directly). Same props as Mantine's Modal.
 */
interface GuardedModalProps extends ModalProps {
  /** For a dialog that keeps its form's state itself: whether anything was typed. Else the form reports it. */
  dirty?: boolean;
}

export function GuardedModal({ onClose, children, closeOnEscape = true, dirty, ...props }: GuardedModalProps) {
  const dirtyRef = useRef(false);
  const [asking, setAsking] = useState(false);
  const report = useCallback((dirty: boolean) => {
    dirtyRef.current = dirty;
  }, []);
  const requestClose = () => {
    if (dirty ?? dirtyRef.current) setAsking(true);
    else onClose();
  };
  const discard = () => {
    setAsking(false);
    dirtyRef.current = false;
    onClose();
  };
  return (
    <Modal {...props} onClose={requestClose} closeOnEscape={closeOnEscape && !asking}>
      <DirtyContext.Provider value={report}>
        {/*
          The question is asked inside the dialog, above the form, not in a second Modal: two Modals' focus traps
          pull focus from each other (and the date field that gets it opens its calendar).
        */}
        {asking && <DiscardQuestion onKeep={() => setAsking(false)} onDiscard={discard} />}
        {children}
      </DirtyContext.Provider>
    </Modal>
  );
}

function DiscardQuestion({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const t = useT();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <Paper
      role="alertdialog"
      aria-labelledby="discard-question"
      withBorder
      shadow="sm"
      p="md"
      mb="md"
      bg="yellow.0"
      onKeyDown={(event) => {
        // Esc answers the question with "keep editing"; the dialog itself stays.
        if (event.key === 'Escape') {
          event.stopPropagation();
          onKeep();
        }
      }}
    >
      <Text fw={600} id="discard-question">
        {t('dialog.discardTitle')}
      </Text>
      <Text size="sm" mt={4}>
        {t('dialog.discardBody')}
      </Text>
      <Group justify="flex-end" mt="sm">
        <Button variant="default" ref={keep} onClick={onKeep}>
          {t('dialog.keepEditing')}
        </Button>
        <Button color="red" onClick={onDiscard}>
          {t('dialog.discard')}
        </Button>
      </Group>
    </Paper>
  );
}
