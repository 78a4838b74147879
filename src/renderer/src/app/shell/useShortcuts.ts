import { useEffect } from 'react';
import { shortcutOf, type ShortcutName } from '../../components/shortcuts';

const visible = (element: Element) => element.getClientRects().length > 0;

/** A text field, where `/` is typed, not a shortcut. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type);
}

/**
 * The element the shortcut acts on. An open dialog is where the clerk is working: only its elements count (Ctrl+S
 * saves the dialog, never the page behind it). Of several, the one in the form holding the focus wins, else the first.
 */
function targetOf(name: ShortcutName): HTMLElement | null {
  const dialogs = [...document.querySelectorAll<HTMLElement>('[role="dialog"][aria-modal="true"]')].filter(visible);
  const scope: ParentNode = dialogs.at(-1) ?? document;
  const marked = [...scope.querySelectorAll<HTMLElement>(`[data-shortcut="${name}"]`)].filter(visible);
  const form = document.activeElement?.closest('form');
  return marked.find((element) => form?.contains(element)) ?? marked[0] ?? null;
}

const isDisabled = (element: HTMLElement) =>
  (element as HTMLButtonElement).disabled || element.getAttribute('aria-disabled') === 'true' || element.hasAttribute('data-loading');

/**
 * Ctrl+F or / focuses the search box, Ctrl+S clicks the save button, Ctrl+P the print button, Ctrl+N or Alt+N the
 * new-record button: whatever the screen marked with data-shortcut (components/shortcuts.ts). Where a screen has no
 * such element the browser keeps its own key (Ctrl+F finds in the page, Ctrl+P prints it), except Ctrl+S: saving
 * the page's HTML is never what a clerk means. Nothing happens while an input method is composing (the Enter or
 * letter keys belong to the IME then).
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.keyCode === 229 || event.defaultPrevented || event.repeat) return;
      const match = shortcutOf(event);
      if (!match || (match.typedKey && isEditable(event.target))) return;
      const target = targetOf(match.name);
      if (!target) {
        if (match.name === 'save') event.preventDefault();
        return;
      }
      event.preventDefault();
      if (match.name === 'search') {
        target.focus();
        if (target instanceof HTMLInputElement) target.select();
      } else if (!isDisabled(target)) {
        target.click();
      } else {
        // A disabled button says beside it what is missing: show the clerk where that is.
        target.scrollIntoView({ block: 'nearest' });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
