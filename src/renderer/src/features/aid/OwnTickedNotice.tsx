import { Alert, Button, Group, Text } from '@mantine/core';
import type { PaymentItem } from '@shared/contract/aid-types';
import { useT } from '../../i18n';

/** How many of the reviewer's own ticked rows the notice names; the rest are counted (等 n 笔). */
const NAMED = 3;

/**
 * Before a bulk 审核通过: the ticked pending rows this reviewer entered, named as the list shows them (领款人 and
 * 档案号), with a button to untick them. The core refuses the whole approval if any is theirs (four eyes, all or
 * nothing, AID_OWN_ENTRY), so the screen says which before the reviewer sends it.
 */
export function OwnTickedNotice({ own, onUntick }: { own: PaymentItem[]; onUntick: () => void }) {
  const t = useT();
  if (own.length === 0) return null;
  const named = own
    .slice(0, NAMED)
    .map((p) => (p.fileNo ? t('aidPayments.ownRow', { name: p.recipientName, fileNo: p.fileNo }) : p.recipientName));
  const more = own.length > NAMED ? ` ${t('aidErrors.ownEntryMore', { count: own.length })}` : '';
  return (
    <Alert color="orange" variant="light" mb="sm" id="own-ticked" data-testid="own-ticked">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('aidPayments.ownTicked', { count: own.length, names: named.join(t('common.listJoin')) + more })}</Text>
        <Button size="xs" variant="default" onClick={onUntick}>
          {t('aidPayments.untickOwn', { count: own.length })}
        </Button>
      </Group>
    </Alert>
  );
}
