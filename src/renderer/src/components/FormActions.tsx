import { Box, Button, Group, Stack, Text, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { shortcut } from './shortcuts';

interface FormActionsProps {
  /** The submit button's text: what the form does (保存, 创建用户 …). */
  submitLabel: string;
  loading?: boolean;
  /** The submit button is off until the form can be sent (a short form that says nothing of its fields). */
  disabled?: boolean;
  /**
   * What the form still needs, in words (选择走访类型, 填写原因 …). Any entry turns the submit button off and is
   * shown beside it: a disabled button always says why.
   */
  missing?: readonly string[];
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
  /**
   * Ctrl+S clicks the submit button. By default only a plain form's submit (what Enter in a field already does);
   * a dialog that keeps Enter from taking its step (onSubmit) or a coloured, consequential step opts in explicitly.
   */
  saveShortcut?: boolean;
  /**
   * For a long dialog: the row stays at the bottom of the dialog's scrolling body, so 还需要：… and the button are
   * seen without scrolling (a 1366×768 screen). Not the default: a page's form scrolls with its page.
   */
  sticky?: boolean;
}

/** The button row that ends a form: 取消 and other ways out, then the submit button. */
export function FormActions({
  submitLabel,
  loading,
  disabled,
  missing = [],
  color,
  onSubmit,
  onCancel,
  children,
  justify = 'flex-end',
  saveShortcut = !onSubmit && !color,
  sticky = false,
}: FormActionsProps) {
  const t = useT();
  const row = (
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
        disabled={disabled || missing.length > 0}
        aria-describedby={missing.length > 0 ? 'form-missing' : undefined}
        {...(saveShortcut ? shortcut('save') : {})}
      >
        {submitLabel}
      </Button>
    </Group>
  );
  const actions =
    missing.length === 0 ? (
      row
    ) : (
      <Stack gap={4}>
        {row}
        <Text id="form-missing" size="xs" c="dimmed" ta={justify === 'flex-end' ? 'right' : 'left'} data-testid="form-missing">
          {t('common.missing', { items: missing.join(t('common.listJoin')) })}
        </Text>
      </Stack>
    );
  if (!sticky) return actions;
  return (
    <Box
      data-testid="form-actions-sticky"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 1,
        background: 'var(--mantine-color-body)',
        paddingBlock: 'var(--mantine-spacing-xs)',
        borderTop: '1px solid var(--mantine-color-default-border)',
      }}
    >
      {actions}
    </Box>
  );
}
