import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer boundaries of docs/architecture.md §2 are lint rules (eslint.config.js). Each case lints a few lines as if
 * they were a file in one layer, with the project's own config, and checks that the rule fires on the bad line and
 * stays quiet on the good one. The imports name real files: the rules look at resolved paths.
 */
const root = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(root, filePath) });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

interface Case {
  layer: string;
  file: string;
  bad: string;
  good: string;
  rule: string;
}

const PATHS = 'import-x/no-restricted-paths';
const NODE_MODULES = 'import-x/no-nodejs-modules';
const BARE_BUILTIN = 'no-restricted-imports';
const GLOBALS = 'no-restricted-globals';

const CASES: Case[] = [
  // src/shared: nothing but src/shared; no Node, no DOM.
  {
    layer: 'shared → main',
    file: 'src/shared/domain/x.ts',
    bad: "export { dataPaths } from '../../main/core/paths';",
    good: "export { AppError } from '../errors';",
    rule: PATHS,
  },
  {
    layer: 'shared → renderer',
    file: 'src/shared/x.ts',
    bad: "export { call } from '../renderer/src/api/client';",
    good: "export { AppError } from '@shared/errors';",
    rule: PATHS,
  },
  {
    layer: 'shared → node:',
    file: 'src/shared/x.ts',
    bad: "export { join } from 'node:path';",
    good: "export { z } from 'zod';",
    rule: NODE_MODULES,
  },
  {
    layer: 'shared: DOM global',
    file: 'src/shared/x.ts',
    bad: 'export const t = document.title;',
    good: 'export const t = String(1);',
    rule: GLOBALS,
  },
  {
    layer: 'shared: Node global',
    file: 'src/shared/x.ts',
    bad: 'export const e = process.env;',
    good: 'export const e = Math.PI;',
    rule: GLOBALS,
  },
  // The renderer: src/shared and itself.
  {
    layer: 'renderer → core',
    file: 'src/renderer/src/features/x/y.ts',
    bad: "export { dataPaths } from '../../../../main/core/paths';",
    good: "export { call } from '../../api/client';",
    rule: PATHS,
  },
  {
    layer: 'renderer → node:',
    file: 'src/renderer/src/x.ts',
    bad: "export { join } from 'node:path';",
    good: "export { AppError } from '@shared/errors';",
    rule: NODE_MODULES,
  },
  // The preload: src/shared (and electron).
  {
    layer: 'preload → electron glue',
    file: 'src/preload/x.ts',
    bad: "export { APP_HOST } from '../main/electron/app-url';",
    good: "export { BRIDGE_IPC } from '@shared/bridge';",
    rule: PATHS,
  },
  // The core: src/shared and itself; never a host; no DOM; built-ins as node:….
  {
    layer: 'core → electron glue',
    file: 'src/main/core/x.ts',
    bad: "export { APP_HOST } from '../electron/app-url';",
    good: "export { dataPaths } from './paths';",
    rule: PATHS,
  },
  {
    layer: 'core → web host',
    file: 'src/main/core/features/x/y.ts',
    bad: "export { checkHost } from '../../../web-host/guard';",
    good: "export { dataPaths } from '../../paths';",
    rule: PATHS,
  },
  {
    layer: 'core → host',
    file: 'src/main/core/x.ts',
    bad: "export { jsonTooDeep } from '../host/input-limits';",
    good: "export { AppError } from '@shared/errors';",
    rule: PATHS,
  },
  {
    layer: 'core: DOM global',
    file: 'src/main/core/x.ts',
    bad: 'export const w = window.innerWidth;',
    good: 'export const w = process.pid;',
    rule: GLOBALS,
  },
  {
    layer: 'core → bare zlib',
    file: 'src/main/core/x.ts',
    bad: "export { gzipSync } from 'zlib';",
    good: "export { gzipSync } from 'node:zlib';",
    rule: BARE_BUILTIN,
  },
  {
    layer: 'core → bare fs/promises',
    file: 'src/main/core/x.ts',
    bad: "export { readFile } from 'fs/promises';",
    good: "export { readFile } from 'node:fs/promises';",
    rule: BARE_BUILTIN,
  },
  // The Electron glue: never the database nor the features; never the web host.
  {
    layer: 'electron → core/db',
    file: 'src/main/electron/x.ts',
    bad: "export { openDatabase } from '../core/db/client';",
    good: "export { dataPaths } from '../core/paths';",
    rule: PATHS,
  },
  {
    layer: 'electron → core/features',
    file: 'src/main/electron/x.ts',
    bad: "export { hashPassword } from '../core/features/auth/password-hash';",
    good: "export { readKeyFile } from '../core/keys/key-file';",
    rule: PATHS,
  },
  {
    layer: 'electron → web host',
    file: 'src/main/electron/x.ts',
    bad: "export { checkHost } from '../web-host/guard';",
    good: "export { resolveStatic } from '../host/static-files';",
    rule: PATHS,
  },
  {
    layer: 'electron → bare path',
    file: 'src/main/electron/x.ts',
    bad: "export { join } from 'path';",
    good: "export { join } from 'node:path';",
    rule: BARE_BUILTIN,
  },
  {
    layer: 'composition root → core/router',
    file: 'src/main/index.ts',
    bad: "export { dispatch } from './core/router';",
    good: "export { startCoreWorker } from './core/worker-client';",
    rule: PATHS,
  },
  // The web host: never the Electron glue nor the core's insides.
  {
    layer: 'web host → electron glue',
    file: 'src/main/web-host/x.ts',
    bad: "export { APP_HOST } from '../electron/app-url';",
    good: "export { putInboxFile } from '../core/files';",
    rule: PATHS,
  },
  {
    layer: 'web host → core/db',
    file: 'src/main/web-host/x.ts',
    bad: "export { openDatabase } from '../core/db/client';",
    good: "export { jsonTooDeep } from '../host/input-limits';",
    rule: PATHS,
  },
  // src/main/host serves both hosts and imports neither.
  {
    layer: 'host → web host',
    file: 'src/main/host/x.ts',
    bad: "export { checkHost } from '../web-host/guard';",
    good: "export { AppError } from '@shared/errors';",
    rule: PATHS,
  },
];

describe('layer boundaries (eslint.config.js)', () => {
  it.each(CASES)('$layer: $rule fires on the bad import and not on the good one', async ({ file, bad, good, rule }) => {
    expect(await ruleIds(file, bad)).toContain(rule);
    expect(await ruleIds(file, good)).toEqual([]);
  });

  it("keeps 'electron' in the Electron glue", async () => {
    expect(await ruleIds('src/main/core/x.ts', "export { app } from 'electron';")).toContain(BARE_BUILTIN);
    expect(await ruleIds('src/main/electron/x.ts', "export { app } from 'electron';")).toEqual([]);
  });
});
