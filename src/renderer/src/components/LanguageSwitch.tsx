import { SegmentedControl } from '@mantine/core';
import { LANGUAGES, setLanguage, useLanguage, useT, type Language } from '../i18n';

/** 中文 | English; the choice is kept on this computer (localStorage). */
export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  );
}
