// One lint gate. Imports go one way: app -> core; scripts -> core + io; io -> core types; core -> core + libraries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'node:*', 'path', 'http', 'https', 'child_process', 'os', 'url', 'crypto', 'zlib'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'layers/**', 'coverage/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Node scripts and tests
    files: ['bin/**', 'packages/**', 'scripts/**', 'bench/**', 'test/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/io/**', '**/app/**', '**/scripts/**'], message: 'src/core is pure: it may import only src/core and libraries.' },
            { group: nodeBuiltins, message: 'src/core is pure: no fs, network or process access.' },
            { group: ['react', 'react-dom', 'deck.gl', '@deck.gl/*'], message: 'src/core has no UI code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'document', 'window', 'process'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass times in; core never reads the clock.' }, { object: 'Math', property: 'random', message: 'Use a seeded generator.' }],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**', '**/scripts/**'], message: 'src/io may import only core types.' },
            { group: ['react', 'react-dom', 'deck.gl', '@deck.gl/*'], message: 'src/io has no UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/io/**', '**/scripts/**'], message: 'src/app may import only src/core.' },
            { group: nodeBuiltins, message: 'src/app runs in the browser.' },
          ],
        },
      ],
    },
  },
);
