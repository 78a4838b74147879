import { AppError, type AppErrorShape, type ValidationIssue } from '@shared/errors';

/**
 * Limits on what a host (the web host's HTTP endpoint, the Electron IPC handler) passes on to the core. Both hosts
 * import this module; neither owns it (docs/architecture.md §2). The core's own zod parsing recurses and the worker's
 * structured clone does too: input nested thousands of levels deep would overflow the stack there and come back as
 * INTERNAL, so it is refused here first, by loops that do not recurse.
 */

/** Far deeper than any contract input (a file draft with its household is about six levels). */
export const MAX_INPUT_DEPTH = 64;
/** One call's input. Files do not travel in calls (uploads and picked files go to the inbox, by id). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
/** One file the clerk picks or uploads (a roster, a backup): imports are spreadsheets and backups, not archives. */
export const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

export const TOO_DEEP_ISSUE: ValidationIssue = { path: [], message: `nested deeper than ${MAX_INPUT_DEPTH} levels` };

export function inputTooDeep(): AppErrorShape {
  return { code: 'INVALID_INPUT', issues: [TOO_DEEP_ISSUE] };
}

export function inputTooLarge(): AppErrorShape {
  return { code: 'FILE_TOO_LARGE', params: { maxBytes: MAX_INPUT_BYTES } };
}

/** True when JSON text nests arrays/objects deeper than the limit. Brackets inside strings do not count. */
export function jsonTooDeep(text: string, maxDepth = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character (\" or \\).
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * What is wrong with an already-deserialized input (Electron's IPC hands the main process a structured clone):
 * too deep, too large (strings counted by length, every value by a few bytes), or null when it may go on.
 * Walks with its own stack, so a deep value cannot overflow the real one.
 */
export function valueProblem(value: unknown, limits = { maxDepth: MAX_INPUT_DEPTH, maxBytes: MAX_INPUT_BYTES }): AppErrorShape | null {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let bytes = 0;
  while (pending.length > 0) {
    const next = pending.pop()!;
    bytes += typeof next.value === 'string' ? next.value.length * 2 : 8;
    if (bytes > limits.maxBytes) return inputTooLarge();
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth + 1 > limits.maxDepth) return inputTooDeep();
    for (const [key, child] of Object.entries(next.value)) {
      bytes += key.length * 2;
      pending.push({ value: child, depth: next.depth + 1 });
    }
  }
  return null;
}

/** decodeURIComponent that answers a malformed %-escape (`%zz`, a cut UTF-8 sequence) with INVALID_INPUT. */
export function decodeEscapes(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new AppError('INVALID_INPUT', undefined, [{ path: [what], message: 'malformed %-escape' }]);
  }
}
