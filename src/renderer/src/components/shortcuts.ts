import { t } from '../i18n';

/**
 * The few keyboard shortcuts a desk clerk uses all day. A screen marks the element a shortcut acts on with
 * `{...shortcut('save')}` (the attribute `data-shortcut="save"`, with its tooltip and aria-keyshortcuts); one
 * listener in the shell (app/shell/useShortcuts.ts) finds the marked element and focuses or clicks it. Screens need
 * no key handling of their own.
 */
export const SHORTCUTS = ['search', 'save', 'print', 'new'] as const;
export type ShortcutName = (typeof SHORTCUTS)[number];

/** The keys as aria-keyshortcuts spells them (space-separated alternatives). */
const ARIA_KEYS: Record<ShortcutName, string> = {
  search: 'Control+F /',
  save: 'Control+S',
  print: 'Control+P',
  new: 'Control+N Alt+N',
};

export interface ShortcutAttributes {
  'data-shortcut': ShortcutName;
  'aria-keyshortcuts': string;
  title: string;
}

/** The attributes that mark an element as the one a shortcut acts on, with the tooltip that tells the keys. */
export function shortcut(name: ShortcutName): ShortcutAttributes {
  return { 'data-shortcut': name, 'aria-keyshortcuts': ARIA_KEYS[name], title: t(`shortcuts.${name}`) };
}

/** Which shortcut a key press is, or null. Letters by their physical key, so Alt+N works on any layout. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): {
  name: ShortcutName;
  /** `/` types a slash in a text field: it is a shortcut only outside one. */
  typedKey: boolean;
} | null {
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl && !event.altKey && !event.shiftKey) {
    if (event.code === 'KeyF') return { name: 'search', typedKey: false };
    if (event.code === 'KeyS') return { name: 'save', typedKey: false };
    if (event.code === 'KeyP') return { name: 'print', typedKey: false };
    if (event.code === 'KeyN') return { name: 'new', typedKey: false };
  }
  if (event.altKey && !ctrl && !event.shiftKey && event.code === 'KeyN') return { name: 'new', typedKey: false };
  if (!ctrl && !event.altKey && event.key === '/') return { name: 'search', typedKey: true };
  return null;
}
