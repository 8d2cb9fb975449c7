// ESLint (npm run lint, part of npm test): the recommended rules of ESLint, typescript-eslint, and
// for the elements eslint-plugin-lit and eslint-plugin-wc. Formatting is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as lit } from 'eslint-plugin-lit';
import { configs as wc } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/node_modules/**',
      '**/.next/**',
      'examples/nextjs/next-env.d.ts',
      'test-results/**',
      'demo/angular/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp*/**',
      'bench/.tmp/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/elements/**/*.ts', 'src/testing/**/*.ts', 'test/browser/**/*.ts'],
    extends: [lit['flat/recommended'], wc['flat/recommended']],
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // An interface that only extends one other is how a global map is augmented (GlobalEventHandlersEventMap).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `_name` marks a value taken out on purpose (e.g. `const { token: _token, ...rest } = body`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests read JSON answers of whatever shape a server gives; they run through tsx/esbuild,
    // which strip types without checking them, so `unknown` plus casts would check nothing more.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
