import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface FormActionsProps {
  /** The submit button's text: what the form does (保存, 创建用户 …). */
  submitLabel: string;
  loading?: boolean;
  /** The submit button is off until the form can be sent (a short form that says nothing of its fields). */
  disabled?: boolean;
  color?: MantineColor;
  /**
   * For a dialog whose fields are not a <form> (Enter in them must not take the step): the submit button's click.
   * Without it the button submits the form it is in (StackedForm).
   */
  onSubmit?: () => unknown;
  /** Puts 取消 first in the row. */
  onCancel?: () => void;
  /** Other buttons between 取消 and the submit button (back, sign out). */
  children?: ReactNode;
  /** Dialogs end on the right; a page's own form may start on the left, a wizard step spreads out. */
  justify?: 'flex-end' | 'flex-start' | 'space-between';
}

/** The button row that ends a form: 取消 and other ways out, then the submit button. */
export function FormActions({
  submitLabel,
  loading,
  disabled,
  color,
  onSubmit,
  onCancel,
  children,
  justify = 'flex-end',
}: FormActionsProps) {
  const t = useT();
  return (
    <Group justify={justify}>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      {children}
      <Button
        type={onSubmit ? 'button' : 'submit'}
        onClick={onSubmit && (() => void onSubmit())}
        color={color}
        loading={loading}
        disabled={disabled}
      >
        {submitLabel}
      </Button>
    </Group>
  );
}
