import { defineConfig } from 'drizzle-kit';

// Migrations live in resources/ so that the packaged app ships them as extra resources beside the fonts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/core/db/schema/index.ts',
  out: './resources/migrations',
});
