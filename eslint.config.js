// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'web/dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      'bench/**/*.py',
      '*.config.js',
      'bin/**',
      'scripts/**/*.mjs',
      // Stryker's configuration (plain JS with @ts-check), run on Node 24 by scripts/mutation.sh
      'stryker/*.mjs',
      // type-checked by src/server/openapi.test.ts against the generated client types
      'scripts/openapi-client/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read process.env only in src/config.ts.',
        },
      ],
    },
  },
  {
    files: [
      'src/config.ts',
      'e2e/**',
      'scripts/**',
      'bench/**',
      '*.config.ts',
      '**/*.test.ts',
      'src/db/test-harness.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/domain/**/*.ts', 'src/contracts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'],
              message: 'src/domain is pure: no I/O.',
            },
            {
              group: [
                'kysely',
                'pg',
                'better-sqlite3',
                'fastify',
                'fastify-*',
                '@fastify/*',
                'pino',
                'react',
                'react-*',
                'piscina',
              ],
              message: 'src/domain is pure.',
            },
            {
              group: ['**/db/**', '**/server/**', '**/cli/**', '**/services/**', '**/web/**'],
              message: 'src/domain may not import outer layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'No clock in the domain: pass dates in.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'No hidden randomness in the domain: pass an RNG in.',
        },
      ],
    },
  },
  {
    // Small modules: no source file over 500 lines (tests and fixtures may be longer).
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support.ts', '**/test-harness.ts'],
    rules: { 'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }] },
  },
  {
    // The web app shares rules and shapes with the server, never its machinery: it imports
    // src/domain and src/contracts only (tests may also load fixtures).
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!domain/|contracts/)',
              message: 'web/src imports only src/domain and src/contracts.',
            },
            {
              group: [
                'kysely',
                'pg',
                'better-sqlite3',
                'fastify',
                '@fastify/*',
                'piscina',
                'node:*',
              ],
              message: 'web/src runs in the browser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/routes/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['kysely', '**/db/**'],
              message: 'Routes hold no SQL: call a service (src/services).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
)
