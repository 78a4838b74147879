import { Paper, Stack, Text } from '@mantine/core';
import type { AidSuggestion } from '@shared/contract/aid';
import { formatYuan } from '../../components/money';
import { useT } from '../../i18n';

/**
 * A suggestion in words: the standard's amount, each cap with what it has used and left, and the most this payment
 * may be. The standard's own sentence (深度困难，本地低保 … × 10 …) comes from suggestion-text.ts once it is merged;
 * until then the standard's amount is shown plainly.
 */
export function SuggestionLines({ suggestion }: { suggestion: AidSuggestion }) {
  const t = useT();
  if (!suggestion.eligible) {
    return (
      <Paper withBorder p="sm" bg="red.0" data-testid="aid-suggestion">
        <Text size="sm">{t('aidPay.ineligible', { reason: suggestion.reason ? t(`aidIneligible.${suggestion.reason}`) : '' })}</Text>
      </Paper>
    );
  }
  const capName = (line: AidSuggestion['lines'][number]) => t(`aidCaps.${line.cap}`, { type: line.type ? t(`aidTypes.${line.type}`) : '' });
  return (
    <Paper withBorder p="sm" bg="blue.0" data-testid="aid-suggestion" aria-live="polite">
      <Stack gap={2}>
        <Text fw={600}>{t('aidPay.suggestionTitle', { amount: formatYuan(suggestion.suggestedFen) })}</Text>
        {suggestion.basis && <Text size="sm">{t('aidPay.basisPlain', { amount: formatYuan(suggestion.basis.amountFen) })}</Text>}
        {suggestion.lines.map((line, i) => (
          <Text key={i} size="sm">
            {t('aidPay.capLine', {
              cap: capName(line),
              limit: formatYuan(line.limitFen),
              used: formatYuan(line.usedFen),
              left: formatYuan(line.leftFen),
            })}
          </Text>
        ))}
        <Text size="sm" fw={600}>
          {t('aidPay.maxLine', { max: formatYuan(suggestion.maxFen) })}
          {suggestion.limitedBy && suggestion.limitedBy !== 'standard'
            ? `（${t('aidPay.limitedBy', { cap: t(`aidCaps.${suggestion.limitedBy}`, { type: '' }) })}）`
            : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
