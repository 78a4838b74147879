import { Button, Group, Modal, Text, type ModalProps } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
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
 * reports itself dirty (useDialogDirty), those ask 放弃已填写的内容？ first. 取消 and a successful save close it
 * as the form says (they call onClose directly). Same props as Mantine's Modal.
 */
interface GuardedModalProps extends ModalProps {
  /** For a dialog that keeps its form's state itself: whether anything was typed. Else the form reports it. */
  dirty?: boolean;
}

export function GuardedModal({ onClose, children, closeOnEscape = true, dirty, ...props }: GuardedModalProps) {
  const t = useT();
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
  const value = useMemo(() => report, [report]);
  return (
    <Modal {...props} onClose={requestClose} closeOnEscape={closeOnEscape && !asking}>
      <DirtyContext.Provider value={value}>{children}</DirtyContext.Provider>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('dialog.discardTitle')}
        centered
        size="sm"
        zIndex={400}
        closeOnClickOutside={false}
      >
        <Text size="sm">{t('dialog.discardBody')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
            {t('dialog.keepEditing')}
          </Button>
          <Button color="red" onClick={discard}>
            {t('dialog.discard')}
          </Button>
        </Group>
      </Modal>
    </Modal>
  );
}
