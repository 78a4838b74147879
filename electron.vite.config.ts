import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const shared = { '@shared': resolve('src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: {
          // Electron glue (the only bundle that imports 'electron')
          index: resolve('src/main/index.ts'),
          // The core worker: Node only, shared by Electron and the web host
          worker: resolve('src/main/core/worker.ts'),
          // The roster import's reader thread, started by the core worker
          'import-reader': resolve('src/main/core/features/roster/import-reader.worker.ts'),
          // A batch's sealer thread (gzip, age, hash), started by the core worker for each export
          'batch-sealer': resolve('src/main/core/exchange/format/payload-seal.worker.ts'),
          // A batch import's reader thread (age, gunzip, parsing, checks), started by the core worker for each import
          'batch-reader': resolve('src/main/core/features/exchange/import-entries.worker.ts'),
          // The loopback web host for development and end-to-end tests
          'web-host': resolve('src/main/web-host/cli.ts'),
          // Demo data for trying the program and for benchmarks (npm run seed:demo)
          'seed-demo': resolve('src/main/tools/seed-demo.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload can only require('electron'): bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed renderer cannot load an ESM preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias: { ...shared, '@renderer': resolve('src/renderer/src') } },
    plugins: [react()],
    build: { rollupOptions: { input: resolve('src/renderer/index.html') } },
  },
});
