import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AidSuggestion } from '@shared/contract/aid';
import { formatYuan } from '../../components/money';
import { useT } from '../../i18n';
import { suggestionText } from './suggestion-text';

/**
 * A suggestion in words: the amount suggested and why (the standard, what the year's caps leave, the most now).
 * `byIdNumber`: the emergency route, its caps counted by the typed ID number (suggestion-text.ts).
 */
export function SuggestionLines({ suggestion, byIdNumber = false }: { suggestion: AidSuggestion; byIdNumber?: boolean }) {
  const t = useT();
  const why = suggestionText(t, suggestion, { byIdNumber });
  if (!suggestion.eligible) {
    return (
      <Paper withBorder p="sm" bg="red.0" data-testid="aid-suggestion" aria-live="polite">
        <Text size="sm">{t('aidPay.ineligible', { reason: why })}</Text>
        {/* The emergency route for a worker on file: where to pay instead, one click away (the file's aid tab). */}
        {suggestion.activeFile && (
          <Anchor
            component={Link}
            to={`/files/${suggestion.activeFile.id}?tab=aid`}
            size="sm"
            title={t('aidPay.onFileOpen')}
            data-testid="aid-on-file"
          >
            {suggestion.activeFile.fileNo ? t('aidPay.onFileLink', { fileNo: suggestion.activeFile.fileNo }) : t('aidPay.onFileOpen')}
          </Anchor>
        )}
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" bg="blue.0" data-testid="aid-suggestion" aria-live="polite">
      <Stack gap={2}>
        <Text fw={600}>{t('aidPay.suggestionTitle', { amount: formatYuan(suggestion.suggestedFen) })}</Text>
        {why && <Text size="sm">{why}</Text>}
      </Stack>
    </Paper>
  );
}
