import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run bench`: benchmarks print ratios against a baseline measured in the same run; they are not tests.
export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['bench/**/*.bench.ts'],
    setupFiles: ['tests/setup/node-version.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
