// `npm start`: the desktop program where Electron can run, otherwise the same program in a browser.
//
// Electron ≥ 42 downloads its binary on first launch, not at install (docs/architecture.md §8). Where that download
// cannot happen (offline machines, CI) merely requiring the `electron` package would try it and fail slowly, so
// this script never loads it: it looks, on disk, for the binary the package would use (the same lookup as
// node_modules/electron/index.js and electron-vite: ELECTRON_EXEC_PATH, else path.txt → dist/<path>), and when it
// is missing runs Electron's own installer once, with a time limit.
// BANGFU_FORCE_WEB=1 skips the desktop program even where it could run. Extra arguments go to the web host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

function electronBinary() {
  if (process.env.ELECTRON_EXEC_PATH) return existsSync(process.env.ELECTRON_EXEC_PATH) ? process.env.ELECTRON_EXEC_PATH : null;
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null; // written only once the binary has been downloaded and unpacked
  const executable = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const binary = join(base, executable);
  return executable && existsSync(binary) ? binary : null;
}

/**
 * Electron's own first-launch download (node_modules/electron/install.js), bounded in time. On a desktop with the
 * internet it fetches the binary once; offline it fails within a second or so.
 */
function downloadElectron() {
  let installer;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return false;
  }
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 10 * 60_000 });
  return result.status === 0 && electronBinary() !== null;
}

/** Why the desktop program cannot start here, or null when it can. */
function desktopUnavailable() {
  if (process.env.BANGFU_FORCE_WEB === '1') return 'BANGFU_FORCE_WEB=1';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no-display';
  if (!electronBinary() && !downloadElectron()) return 'no-binary';
  return null;
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');

/** Runs a Node script in the foreground; Ctrl+C and kill reach it; resolves with its exit code. */
function run(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

const reason = desktopUnavailable();
if (reason === null) {
  // Builds, then starts Electron on the built program (the packaged layout, minus the packaging).
  process.exit(await run([electronVite, 'preview']));
}

const why = {
  'BANGFU_FORCE_WEB=1': '已设置 BANGFU_FORCE_WEB=1 / BANGFU_FORCE_WEB=1 is set',
  'no-binary':
    '无法下载 Electron 程序文件（首次启动需联网）/ the Electron binary could not be downloaded (first launch needs the internet)',
  'no-display': '没有图形界面 / no display',
}[reason];
console.log(`帮扶工作台：${why}，改用浏览器版运行同一程序。Running the same program through the web host instead.`);

const built = await run([electronVite, 'build']);
if (built !== 0) process.exit(built);
process.exit(await run([join(root, 'out', 'main', 'web-host.js'), ...process.argv.slice(2)]));
