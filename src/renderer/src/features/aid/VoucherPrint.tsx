import { Group, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import type { ChannelInput } from '@shared/contract';
import { useT } from '../../i18n';
import { AidPrintButton } from './AidPrintButton';

type Layout = 'a4-three' | 'a5';
type Target = Omit<ChannelInput<'aid.printVouchers'>, 'layout'>;

/** 打印领取凭证 with the paper chosen beside it: three parts on an A4 page, or one A5. */
export function VoucherPrint({ target, label, disabled }: { target: () => Target | null; label?: string; disabled?: boolean }) {
  const t = useT();
  const [layout, setLayout] = useState<Layout>('a4-three');
  return (
    <Group gap={6} wrap="nowrap">
      <SegmentedControl
        size="xs"
        aria-label={t('aidPayments.voucherLayout')}
        data={(['a4-three', 'a5'] as const).map((value) => ({ value, label: t(`voucherLayouts.${value}`) }))}
        value={layout}
        onChange={(value) => setLayout(value as Layout)}
      />
      <AidPrintButton
        channel="aid.printVouchers"
        label={label ?? t('aidPayments.printVouchers')}
        disabled={disabled}
        input={() => {
          const chosen = target();
          return chosen ? { ...chosen, layout } : null;
        }}
      />
    </Group>
  );
}
