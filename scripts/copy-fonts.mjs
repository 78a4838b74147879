// postinstall: put the PDF font (Noto Serif SC, OFL) into resources/fonts.
// The two TTFs (15 MB each) are git-ignored and come from the dev package @expo-google-fonts/noto-serif-sc;
// OFL.txt (the font's licence, with the font's own copyright line) is committed, not copied. A production install (`npm ci --omit=dev`) has no such package: that is not an
// error here (the packaged build already carries resources/fonts), so the script says so and exits 0.
// Plain Node ESM without dependencies: it runs before anything else is usable.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@expo-google-fonts/noto-serif-sc';
const FONTS = [
  { from: '400Regular/NotoSerifSC_400Regular.ttf', to: 'NotoSerifSC-Regular.ttf' },
  { from: '700Bold/NotoSerifSC_700Bold.ttf', to: 'NotoSerifSC-Bold.ttf' },
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targetDir = join(root, 'resources', 'fonts');

function packageDir() {
  try {
    // Resolved like an import would be, so a nested or hoisted install both work.
    return dirname(createRequire(join(root, 'package.json')).resolve(`${PACKAGE}/package.json`));
  } catch {
    return null;
  }
}

function sizeOf(path) {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** Copies through a temporary name, so an interrupted install never leaves a truncated font behind. */
function copyAtomic(source, target) {
  const temporary = `${target}.tmp-${process.pid}`;
  try {
    copyFileSync(source, temporary);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function main() {
  const sourceDir = packageDir();
  if (sourceDir === null) {
    const present = FONTS.filter((font) => existsSync(join(targetDir, font.to))).length;
    console.log(
      `copy-fonts: ${PACKAGE} is not installed (production install?); skipped, ${present} of ${FONTS.length} fonts already in resources/fonts.`,
    );
    return;
  }

  mkdirSync(targetDir, { recursive: true });
  const copied = [];
  for (const font of FONTS) {
    const source = join(sourceDir, font.from);
    const target = join(targetDir, font.to);
    if (sizeOf(target) === sizeOf(source)) continue;
    copyAtomic(source, target);
    copied.push(font.to);
  }

  console.log(
    copied.length > 0 ? `copy-fonts: copied ${copied.join(', ')} to resources/fonts.` : 'copy-fonts: resources/fonts is up to date.',
  );
}

try {
  main();
} catch (error) {
  // The package is there but copying failed (disk full, permissions, a renamed file in a new package
  // version): that is a broken development install, so fail it loudly rather than print empty PDFs later.
  console.error(`copy-fonts: could not copy the PDF fonts: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
