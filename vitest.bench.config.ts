import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { CORE_SEMI_SPACE_MB } from './src/main/core/heap';

// `npm run bench`: benchmarks print ratios against a baseline measured in the same run; they are not tests.
export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['bench/**/*.bench.ts'],
    setupFiles: ['tests/setup/node-version.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
    // The benchmarks run the core in this process: give it the heap the program gives its core worker. And gc, so a
    // bench that measures memory starts from live objects only (bench/exchange-steps.ts measured).
    execArgv: [`--max-semi-space-size=${CORE_SEMI_SPACE_MB}`, '--expose-gc'],
  },
});
