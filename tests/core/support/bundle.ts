import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * A script bundled for a thread or a process of its own, which cannot run TypeScript with our path aliases. Written
 * under node_modules/.cache so that its packages (better-sqlite3, exceljs, …) resolve from the project's node_modules;
 * the pid keeps parallel test files apart.
 */
function bundle(entryPoint: string, name: string): string {
  const dir = resolve('node_modules/.cache/bangfu-tests');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}-${process.pid}.mjs`);
  buildSync({
    entryPoints: [resolve(entryPoint)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    alias: { '@shared': resolve('src/shared') },
    logLevel: 'error',
  });
  return outfile;
}

/** The import's reader thread as the program ships it: import-reader.worker.ts bundled (electron-vite does this for
 * the program). */
export function bundleImportReader(): string {
  return bundle('src/main/core/features/roster/import-reader.worker.ts', 'import-reader');
}

/** A batch's sealer thread as the program ships it: exchange/format/payload-seal.worker.ts bundled. */
export function bundleBatchSealer(): string {
  return bundle('src/main/core/exchange/format/payload-seal.worker.ts', 'batch-sealer');
}

/** A batch import's reader thread as the program ships it: features/exchange/import-entries.worker.ts bundled. */
export function bundleBatchReader(): string {
  return bundle('src/main/core/features/exchange/import-entries.worker.ts', 'batch-reader');
}

/** A second copy of the program's core in a process of its own (tests/core/support/approver-process.ts). */
export function bundleApproverProcess(): string {
  return bundle('tests/core/support/approver-process.ts', 'approver-process');
}

/** A program starting on a shared database, up to its signing-key step (tests/core/support/signing-key-process.ts). */
export function bundleSigningKeyProcess(): string {
  return bundle('tests/core/support/signing-key-process.ts', 'signing-key-process');
}

/** A core in a process of its own that creates one aid batch and is killed mid-way (tests/core/support/batch-crash-child.ts). */
export function bundleBatchCrashChild(): string {
  return bundle('tests/core/support/batch-crash-child.ts', 'batch-crash-child');
}

/** A second copy of the core approving aid payments (tests/core/support/aid-approver-process.ts). */
export function bundleAidApproverProcess(): string {
  return bundle('tests/core/support/aid-approver-process.ts', 'aid-approver-process');
}

/** Another office's core that sets up and exports its key card (tests/core/support/key-card-process.ts). */
export function bundleKeyCardProcess(): string {
  return bundle('tests/core/support/key-card-process.ts', 'key-card-process');
}

/** A federation importing a centre's batch, to be killed (tests/core/support/import-crash-child.ts). */
export function bundleImportCrashChild(): string {
  return bundle('tests/core/support/import-crash-child.ts', 'import-crash-child');
}
