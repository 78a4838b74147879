import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve('src/shared'),
      '@renderer': resolve('src/renderer/src'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/core/**/*.test.ts'],
    setupFiles: ['tests/setup/node-version.ts'],
    testTimeout: 20_000,
  },
});
