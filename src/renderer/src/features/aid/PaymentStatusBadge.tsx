import { Badge } from '@mantine/core';
import type { PaymentStatus } from '@shared/domain/aid';
import { useT } from '../../i18n';

const COLOURS: Record<PaymentStatus, string> = { pending: 'yellow', approved: 'blue', paid: 'green', voided: 'gray' };

/** 待审核 / 待发放 / 已发放 / 已作废, each in its colour (a voided payment is struck through nowhere: it stays readable). */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const t = useT();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`paymentStatuses.${status}`)}
    </Badge>
  );
}
