// Generates a migration from the drizzle schema, then makes every new table STRICT (docs/architecture.md §4):
// drizzle-kit has no STRICT option. The snapshot drizzle-kit diffs against is unaffected, so this is safe to
// repeat. Review the SQL before committing; tests/core/migrations.test.ts checks every table is STRICT.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'resources/migrations';
execFileSync('npx', ['drizzle-kit', 'generate', ...process.argv.slice(2)], { stdio: 'inherit' });

for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
  const path = join(dir, file);
  const sql = readFileSync(path, 'utf8');
  const strict = sql.replace(/(CREATE TABLE `[^`]+` \([\s\S]*?\n\))(;)/g, (_, body, end) => `${body} STRICT${end}`);
  if (strict !== sql) {
    writeFileSync(path, strict);
    console.log(`made tables STRICT in ${file}`);
  }
}
