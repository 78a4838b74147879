import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AppErrorShape } from '@shared/errors';
import { ErrorAlert } from './ErrorAlert';

interface StackedFormProps {
  /** Called instead of the browser's own submit; a returned promise is left to run. */
  onSubmit: () => unknown;
  /** The core's refusal of the last attempt, shown above the fields. */
  error?: AppErrorShape | null;
  children: ReactNode;
}

/**
 * A form with its fields one under the other. The fields say themselves what is wrong with them (noValidate: no
 * browser bubbles), and what the core refused is said on top.
 */
export function StackedForm({ onSubmit, error, children }: StackedFormProps) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      <Stack gap="md">
        <ErrorAlert error={error} />
        {children}
      </Stack>
    </form>
  );
}
