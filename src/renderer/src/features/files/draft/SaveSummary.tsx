import { Anchor, Button, Group, List, Paper, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n';
import type { DraftProblem } from './draft-checks';
import { shortcut } from '../../../components/shortcuts';

/** Scrolls the field into the middle of the screen and puts the cursor in it. */
function goTo(field: string): void {
  const element = document.getElementById(field);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

/**
 * The save button with, beside it, what stands in the way after a save was tried: each problem a link to its field.
 * It sits where the clerk is looking when they press save, not at the top of a long form.
 */
export function SaveSummary({
  problems,
  onSave,
  saving,
  attempt,
}: {
  problems: DraftProblem[];
  onSave: () => void;
  saving: boolean;
  /** Counts the saves tried: after each, the whole summary is brought into view (it grows below the button). */
  attempt: number;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const shown = problems.length > 0;
  useEffect(() => {
    if (attempt > 0 && shown) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [attempt, shown]);
  return (
    <Group ref={ref} align="flex-start" wrap="nowrap" gap="md">
      <Button onClick={onSave} loading={saving} {...shortcut('save')}>
        {t('files.save')}
      </Button>
      {problems.length > 0 && (
        <Paper withBorder radius="sm" p="xs" bg="red.0" role="alert" data-testid="save-summary" style={{ flex: 1 }}>
          <Text size="sm" fw={600} c="red.8" mb={4}>
            {t('files.draftChecks.summary')}
          </Text>
          <List size="sm" spacing={2}>
            {problems.map((p, i) => (
              <List.Item key={`${p.field}-${i}`}>
                {p.field ? (
                  <Anchor component="button" type="button" size="sm" c="red.8" onClick={() => goTo(p.field)}>
                    {p.message}
                  </Anchor>
                ) : (
                  <Text size="sm" c="red.8">
                    {p.message}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Group>
  );
}
