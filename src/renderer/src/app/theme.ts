import { Badge, createTheme, PasswordInput } from '@mantine/core';
import { t } from '../i18n';

/** System fonts that carry Chinese glyphs on Windows, macOS and Linux, in that order of likelihood. */
const FONT_STACK = 'system-ui, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

/** Built again when the language changes: a few component defaults carry words (accessible names). */
export function appTheme() {
  return createTheme({
    fontFamily: FONT_STACK,
    headings: { fontFamily: FONT_STACK },
    fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", Consolas, "Noto Sans Mono CJK SC", monospace',
    primaryColor: 'blue',
    defaultRadius: 'sm',
    components: {
      // Upper-case badges shout in English ("MUST CHANGE PASSWORD") and mean nothing in Chinese.
      Badge: Badge.extend({ styles: { label: { textTransform: 'none' } } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } },
      }),
    },
  });
}
