import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The import's reader thread as the program ships it: import-reader.worker.ts bundled (electron-vite does this for
 * the program; a worker thread cannot run TypeScript with our path aliases). Written under node_modules/.cache so
 * that its packages (exceljs, iconv-lite, pinyin-pro) resolve from the project's node_modules.
 */
export function bundleImportReader(): string {
  const dir = resolve('node_modules/.cache/bangfu-tests');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `import-reader-${process.pid}.mjs`);
  buildSync({
    entryPoints: [resolve('src/main/core/features/roster/import-reader.worker.ts')],
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
