// Lint enforces the process boundaries (docs/code-style.md, practice 1): shared/ is pure, the renderer
// talks only to window.api, and backend code never imports 'electron' so vitest loads it on Node.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['tests/fixtures/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.tmp/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: restrict(
      ['electron', 'better-sqlite3', 'react', 'react-dom', '**/electron/**', '**/renderer/**', ...NODE_BUILTINS],
      'shared/ is pure TypeScript for both sides: no electron, node built-ins, SQLite, React, or other layers.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      ['electron', 'better-sqlite3', 'pdfkit', '**/electron/**', ...NODE_BUILTINS],
      'The renderer talks only to window.api (renderer/api.ts); no electron, node built-ins or backend modules.',
    ),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/preview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "The backend is a plain library: it never imports 'electron' (vitest loads it on Node)." }],
          patterns: [{ group: ['**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], message: 'The backend does not depend on main, preload or renderer.' }],
        },
      ],
    },
  },
  {
    // Main-process modules that vitest loads take Electron objects as parameters; only these
    // entry files may import 'electron' at run time.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/window.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: "Import Electron types with 'import type'; pass Electron objects in as parameters.", allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['tests/unit/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'vitest runs on plain Node: never import electron.' }] }],
    },
  },
);
