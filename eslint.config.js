// Boundaries of ARCHITECTURE.md §2 are enforced here, not by memory:
// - 'electron' only in src/main/electron (and the composition root and preload);
// - src/shared is pure: no node:, no DOM-only globals, no electron;
// - window.bangfu only in src/renderer/src/api;
// - no literal UI strings in the renderer outside the i18n catalogues, nor in the Electron glue outside
//   src/main/electron/messages.ts.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'worker_threads', 'http', 'url', 'stream'];
const restrictElectron = { name: 'electron', message: "Only src/main/electron may import 'electron'." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [restrictElectron] }],
    },
  },
  {
    files: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**', 'tests/unit/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The menu, native dialogs and window title speak through mainText(): Chinese text lives in the catalogue only.
    files: ['src/main/electron/**', 'src/main/index.ts'],
    ignores: ['src/main/electron/messages.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/[\\u4e00-\\u9fff]/]', message: 'UI text belongs in src/main/electron/messages.ts (mainText()).' },
        { selector: 'TemplateElement[value.raw=/[\\u4e00-\\u9fff]/]', message: 'UI text belongs in src/main/electron/messages.ts (mainText()).' },
      ],
    },
  },
  {
    // The catalogue stays pure so that it is unit-tested without Electron; index.ts passes it the OS language.
    files: ['src/main/electron/messages.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'messages.ts is pure: src/main/index.ts passes it the locale.' }] }] },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [restrictElectron], patterns: NODE_BUILTINS.map((group) => ({ group: [group], message: 'src/shared is pure TypeScript: no Node modules.' })) }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [restrictElectron], patterns: NODE_BUILTINS.map((group) => ({ group: [group], message: 'The renderer is sandboxed: no Node modules.' })) }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='window'][property.name='bangfu']", message: 'Only src/renderer/src/api may use window.bangfu.' },
        { selector: 'JSXText[value=/[A-Za-z\\u4e00-\\u9fff]/]', message: 'UI text goes through the i18n catalogue (t()).' },
        { selector: "JSXAttribute[name.name=/^(label|placeholder|title|description|aria-label|alt)$/] > Literal[value=/[A-Za-z\\u4e00-\\u9fff]/]", message: 'UI text goes through the i18n catalogue (t()).' },
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
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Tests never read the machine's date: use the injected clock." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Tests never read the machine's date: use the injected clock." },
      ],
    },
  },
);
