import { Code } from '@mantine/core';

/** A key fingerprint in large digits, four groups to a line: what two people read to each other over the phone. */
export function FingerprintBlock({ groups, testId, label }: { groups: readonly string[]; testId?: string; label: string }) {
  const half = Math.ceil(groups.length / 2);
  return (
    <Code block fz="xl" fw={700} data-testid={testId} aria-label={label}>
      {`${groups.slice(0, half).join(' ')}\n${groups.slice(half).join(' ')}`}
    </Code>
  );
}
