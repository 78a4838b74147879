import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface FormActionsProps {
  /** The submit button's text: what the form does (保存, 创建用户 …). */
  submitLabel: string;
  loading?: boolean;
  color?: MantineColor;
  /** Puts 取消 first in the row. */
  onCancel?: () => void;
  /** Other buttons between 取消 and the submit button (back, sign out). */
  children?: ReactNode;
  /** Dialogs end on the right; a page's own form may start on the left, a wizard step spreads out. */
  justify?: 'flex-end' | 'flex-start' | 'space-between';
}

/** The button row that ends a form: 取消 and other ways out, then the submit button. */
export function FormActions({ submitLabel, loading, color, onCancel, children, justify = 'flex-end' }: FormActionsProps) {
  const t = useT();
  return (
    <Group justify={justify}>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      {children}
      <Button type="submit" color={color} loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}
