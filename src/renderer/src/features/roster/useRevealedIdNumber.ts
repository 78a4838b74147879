import { useCallback, useEffect, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { notifyError } from '../../components/notify';

/** How long a revealed ID number stays on screen: long enough to read it out or copy it onto a form. */
export const REVEAL_SECONDS = 30;

/**
 * A member's full ID number, asked for on demand (roster.revealId, which the core writes to the audit log) and
 * forgotten after REVEAL_SECONDS, when another member is shown, or when the page is left (the state goes with it).
 */
export function useRevealedIdNumber(memberId: string, onRevealed: () => void) {
  const { run, running } = useMutation('roster.revealId');
  const [shown, setShown] = useState<{ memberId: string; idNumber: string } | null>(null);

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), REVEAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [shown]);

  /** Asks the core for the number; null when it refused (the clerk has been told why). */
  const fetchIdNumber = useCallback(async (): Promise<string | null> => {
    const result = await run({ id: memberId });
    if (!result.ok) {
      notifyError(result.error);
      return null;
    }
    onRevealed();
    return result.data.idNumber;
  }, [memberId, onRevealed, run]);

  const show = useCallback(async () => {
    const idNumber = await fetchIdNumber();
    if (idNumber) setShown({ memberId, idNumber });
  }, [fetchIdNumber, memberId]);

  const hide = useCallback(() => setShown(null), []);
  const idNumber = shown?.memberId === memberId ? shown.idNumber : null;
  return { idNumber, show, hide, fetchIdNumber, revealing: running };
}
