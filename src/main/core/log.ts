import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIR_MODE, FILE_MODE } from './fs-atomic';

/**
 * The program's log. It must never hold personal data (names, ID numbers, phones, bank accounts, health), so
 * callers log codes and counts, and `redact` scrubs anything that slipped into a message or stack anyway.
 */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean | null>): void;
  error(event: string, error: unknown, fields?: Record<string, string | number | boolean | null>): string;
}

const PATTERNS: [RegExp, string][] = [
  [/\d{17}[\dXx]|\d{15}/g, '[id]'], // 公民身份号码
  [/\d{12,19}/g, '[number]'], // bank cards and other long numbers
  [/1[3-9]\d{9}/g, '[phone]'],
  [/0\d{2,3}-?\d{7,8}/g, '[phone]'],
  [/[\u3400-\u9fff\uf900-\ufaff]+/g, '[cjk]'], // Chinese text may be a name or an address
];

export function redact(text: string): string {
  return PATTERNS.reduce((acc, [re, mask]) => acc.replace(re, mask), text);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return redact(`${error.name}: ${error.message}\n${error.stack ?? ''}`);
  return redact(String(error));
}

let refCounter = 0;

export function createFileLogger(logsDir: string, now: () => Date = () => new Date()): Logger {
  mkdirSync(logsDir, { recursive: true, mode: DIR_MODE });
  const write = (entry: Record<string, unknown>) => {
    const at = now();
    const file = join(logsDir, `bangfu-${at.toISOString().slice(0, 10)}.log`);
    appendFileSync(file, `${JSON.stringify({ at: at.toISOString(), ...entry })}\n`, { mode: FILE_MODE });
  };
  return {
    info(event, fields) {
      write({ level: 'info', event, ...fields });
    },
    error(event, error, fields) {
      const ref = `E${now().getTime().toString(36)}${(refCounter++).toString(36)}`.toUpperCase();
      write({ level: 'error', event, ref, error: errorText(error), ...fields });
      return ref;
    },
  };
}

/** For tests that check what would have been logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info(event, fields) {
      lines.push(JSON.stringify({ level: 'info', event, ...fields }));
    },
    error(event, error, fields) {
      const ref = `E${lines.length}`;
      lines.push(JSON.stringify({ level: 'error', event, ref, error: errorText(error), ...fields }));
      return ref;
    },
  };
}
