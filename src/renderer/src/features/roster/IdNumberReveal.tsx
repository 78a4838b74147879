import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useT } from '../../i18n';
import { REVEAL_SECONDS } from './useRevealedIdNumber';

interface IdNumberRevealProps {
  masked: string;
  /** The full number while it is revealed. */
  full: string | null;
  /** Viewers may not reveal numbers (the core refuses them too). */
  canReveal: boolean;
  revealing: boolean;
  onReveal: () => void;
  onHide: () => void;
}

/** 440106********123X, and for a clerk a button that shows the whole number for a while — a logged action. */
export function IdNumberReveal({ masked, full, canReveal, revealing, onReveal, onHide }: IdNumberRevealProps) {
  const t = useT();
  return (
    <Group gap="sm" wrap="wrap">
      <Text ff="monospace" data-testid="member-id-number">
        {full ?? masked}
      </Text>
      {full ? (
        <>
          <Button size="compact-xs" variant="subtle" leftSection={<IconEyeOff size={14} />} onClick={onHide}>
            {t('member.hideId')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('member.autoHide', { seconds: REVEAL_SECONDS })}
          </Text>
        </>
      ) : (
        canReveal && (
          <Tooltip label={t('member.revealTooltip')} multiline w={260} withArrow>
            <Button size="compact-xs" variant="light" leftSection={<IconEye size={14} />} loading={revealing} onClick={onReveal}>
              {t('member.revealId')}
            </Button>
          </Tooltip>
        )
      )}
    </Group>
  );
}
