import { Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '@shared/contract';
import { useT } from '../../i18n';
import { shortcut } from '../../components/shortcuts';

/** As the roster's box: long enough to finish a syllable, short enough that the list follows the typing. */
const SEARCH_DELAY_MS = 250;

interface FileSearchBoxProps {
  query: string;
  onChange: (query: string) => void;
  /** How the core read the text (按身份证尾号查找 …), once the list has answered. */
  kind: ChannelOutput<'files.list'>['kind'] | undefined;
  /** The caller may not reveal IDs: the core reads an ID only as its last 4 characters or the whole number. */
  maskedIdSearch: boolean;
}

/** The file list's one search box: the head's name, pinyin, ID, phone tail, file number or unit (file-search.ts). */
export function FileSearchBox({ query, onChange, kind, maskedIdSearch }: FileSearchBoxProps) {
  const t = useT();
  const [text, setText] = useState(query);
  const [debounced] = useDebouncedValue(text, SEARCH_DELAY_MS);
  useEffect(() => {
    if (debounced.trim() !== query) onChange(debounced.trim());
    // Only the typed text sends a search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <Group gap="md" mb="md" align="flex-end">
      <TextInput
        type="search"
        label={t('fileSearch.label')}
        placeholder={t(maskedIdSearch ? 'fileSearch.placeholderMasked' : 'fileSearch.placeholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={16} />}
        maxLength={100}
        w={640}
        autoComplete="off"
        spellCheck={false}
        {...shortcut('search')}
      />
      {query && kind && kind !== 'all' && (
        <Text size="sm" c="dimmed" pb={8} data-testid="files-search-kind">
          {/* Four digits are an ID's or a phone's end; other text a file number or a unit (file-search.ts). */}
          {kind === 'id-suffix' && /^\d{4}$/.test(query)
            ? t('fileSearch.kindTail')
            : kind === 'text'
              ? t('fileSearch.kindText')
              : t(`searchKinds.${kind}`)}
        </Text>
      )}
    </Group>
  );
}
