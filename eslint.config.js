// Boundaries of docs/architecture.md §2 are enforced here, not by memory (tests/unit/lint-boundaries.test.ts proves
// that each rule fires):
// - which layer may import which: import-x/no-restricted-paths on resolved paths (LAYER_ZONES below);
// - 'electron' only in src/main/electron (and the composition root and preload);
// - Node built-ins only as node:…, and never in src/shared or the renderer;
// - src/shared is pure: no DOM or Node globals; the core has no DOM globals;
// - window.bangfu only in src/renderer/src/api;
// - no literal UI strings in the renderer outside the i18n catalogues, nor in the Electron glue outside
//   src/main/electron/messages.ts.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const restrictElectron = { name: 'electron', message: "Only src/main/electron may import 'electron'." };
/** Built-ins by their bare names ('zlib', 'fs/promises'): written node:… they cannot be mistaken for a package. */
const bareBuiltins = builtinModules
  .filter((name) => !name.startsWith('node:') && !name.startsWith('_'))
  .map((name) => ({ name, message: `Write 'node:${name}': a bare name could be a package of that name.` }));
const restrictImports = (...paths) => ['error', { paths: [...paths, ...bareBuiltins] }];

/** The core modules a host may use: starting the worker, the data folder's paths and files, the key file. */
const HOST_FACING_CORE = ['./files.ts', './fs-atomic.ts', './paths.ts', './worker-client.ts', './worker-protocol.ts', './keys/key-file.ts'];
const HOSTS_MAY_NOT_USE = 'only its host-facing modules (files, fs-atomic, paths, worker-client, worker-protocol, keys/key-file)';

/** Who may import whom (docs/architecture.md §2). `from` and `except` are folders or files; `except` is inside `from`. */
const LAYER_ZONES = [
  { target: './src/shared', from: './src', except: ['./shared'], message: 'src/shared is pure: it imports nothing but src/shared.' },
  {
    target: './src/renderer',
    from: './src',
    except: ['./shared', './renderer'],
    message: 'The renderer imports only src/shared and itself; it reaches the program through src/renderer/src/api.',
  },
  {
    target: './src/preload',
    from: './src',
    except: ['./shared', './preload'],
    message: 'The preload imports only src/shared (and electron).',
  },
  {
    target: './src/main/core',
    from: './src',
    except: ['./shared', './main/core'],
    message: 'The core runs in a worker and under vitest: it imports only src/shared and itself, never a host (electron/, web-host/).',
  },
  {
    target: './src/main/host',
    from: './src',
    except: ['./shared', './main/host'],
    message: 'src/main/host serves both hosts: it imports only src/shared and itself.',
  },
  {
    target: ['./src/main/electron', './src/main/index.ts'],
    from: './src/main/core',
    except: HOST_FACING_CORE,
    message: `The Electron glue never opens the database (the main process would freeze): of the core, ${HOSTS_MAY_NOT_USE}.`,
  },
  {
    target: ['./src/main/electron', './src/main/index.ts'],
    from: ['./src/main/web-host', './src/main/tools', './src/renderer', './src/preload'],
    message: "The Electron glue imports src/shared, src/main/host and the core's host-facing modules only.",
  },
  {
    target: './src/main/web-host',
    from: './src/main/core',
    except: HOST_FACING_CORE,
    message: `The web host talks to the core worker like the Electron glue does: of the core, ${HOSTS_MAY_NOT_USE}.`,
  },
  {
    target: './src/main/web-host',
    from: ['./src/main/electron', './src/main/index.ts', './src/main/tools', './src/renderer', './src/preload'],
    message: "The web host imports src/shared, src/main/host and the core's host-facing modules only.",
  },
];

const browserOnlyGlobals = Object.keys(globals.browser).filter((name) => !(name in globals.node) && !(name in globals.builtin));
const nodeOnlyGlobals = Object.keys(globals.node).filter((name) => !(name in globals.browser) && !(name in globals.builtin));
const restrictGlobals = (names, message) => names.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })] },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: LAYER_ZONES }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': restrictImports(restrictElectron),
    },
  },
  {
    files: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**', 'tests/unit/electron/**'],
    rules: { 'no-restricted-imports': restrictImports() },
  },
  {
    // The menu, native dialogs and window title speak through mainText(): Chinese text lives in the catalogue only.
    files: ['src/main/electron/**', 'src/main/index.ts'],
    ignores: ['src/main/electron/messages.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/[\\u4e00-\\u9fff]/]', message: 'UI text belongs in src/main/electron/messages.ts (mainText()).' },
        {
          selector: 'TemplateElement[value.raw=/[\\u4e00-\\u9fff]/]',
          message: 'UI text belongs in src/main/electron/messages.ts (mainText()).',
        },
      ],
    },
  },
  {
    // The catalogue stays pure so that it is unit-tested without Electron; index.ts passes it the OS language.
    files: ['src/main/electron/messages.ts'],
    rules: {
      'no-restricted-imports': restrictImports({
        name: 'electron',
        message: 'messages.ts is pure: src/main/index.ts passes it the locale.',
      }),
    },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-globals': [
        'error',
        ...restrictGlobals(browserOnlyGlobals, 'src/shared is pure TypeScript: no DOM.'),
        ...restrictGlobals(nodeOnlyGlobals, 'src/shared is pure TypeScript: no Node.'),
      ],
    },
  },
  {
    files: ['src/main/core/**'],
    rules: { 'no-restricted-globals': ['error', ...restrictGlobals(browserOnlyGlobals, 'The core runs under Node: there is no DOM.')] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='bangfu']",
          message: 'Only src/renderer/src/api may use window.bangfu.',
        },
        { selector: 'JSXText[value=/[A-Za-z\\u4e00-\\u9fff]/]', message: 'UI text goes through the i18n catalogue (t()).' },
        {
          selector:
            'JSXAttribute[name.name=/^(label|placeholder|title|description|aria-label|alt)$/] > Literal[value=/[A-Za-z\\u4e00-\\u9fff]/]',
          message: 'UI text goes through the i18n catalogue (t()).',
        },
        { selector: 'Literal[value=/[\\u4e00-\\u9fff]/]', message: 'Chinese text belongs in the i18n catalogue.' },
      ],
    },
  },
  {
    files: ['src/renderer/src/api/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/renderer/src/i18n/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // A suite must pass on 31 December and 29 February too: tests take time from the injected clock
    // (tests/support/test-clock.ts, host.now() in end-to-end tests), never from the machine's date.
    files: ['tests/**', 'bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Tests never read the machine's date: use the injected clock.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Tests never read the machine's date: use the injected clock.",
        },
      ],
    },
  },
);
