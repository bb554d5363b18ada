// One ESLint configuration for the workspace: type-aware TypeScript rules everywhere, Svelte rules
// for the dashboard, and import rules that keep the layers apart (see the README's "Project layout").
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './web/svelte.config.js';

/** What a layer may not import, as no-restricted-imports patterns with the reason shown to the reader. */
/** The dashboard reads the API over HTTP: from its code it takes only types, vocabulary, pure rules, the CSV cell rule and the world map. */
const WEB_IMPORTS =
  'The dashboard imports the API only through @tracker/api/schemas (types), @tracker/api/domain (vocabulary and pure rules), @tracker/api/csv-cell and the shared world map (@tracker/api/map, and @tracker/api/map/geometry on the server).';

const forbid = (groups, message) => ['error', { patterns: [{ group: groups, message }] }];

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', 'web/build/', '**/.svelte-kit/', 'tests/test-results/', 'tests/playwright-report/', 'data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // A promise nobody awaits hides its failure; a promise passed where a callback is expected runs unobserved.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Fastify plugins and route files are async functions by convention, awaited or not.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a value left out on purpose (destructuring a field away, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['web/**/*.svelte', 'web/**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, svelteConfig },
    },
  },
  {
    files: ['web/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Links are plain paths: the dashboard is served at the root of its origin (no `paths.base`),
    // and plain hrefs keep every page working without JavaScript.
    files: ['web/**/*.svelte'],
    rules: {
      'svelte/no-navigation-without-resolve': 'off',
      // {', '} keeps a separator's spaces, which Svelte trims from plain text at a block's edges.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // Migrations work on the schema as it was when they were written, not on today's types
    // (Kysely's own advice), so they take `Kysely<any>`.
    files: ['api/src/db/migrations/**/*.ts', 'api/src/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read JSON answers (`res.json()` is `any`) and check their shape with expectations.
    files: ['**/*.test.ts', '**/test/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `res.json() as Body` reads as "this answer is a Body", which is what the test then checks.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Plain JavaScript config files are not part of any TypeScript project.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },

  // The layers.
  {
    files: ['api/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['**/db/**', '**/repositories/**', '**/services/**', '**/routes/**', '**/plugins/**', 'fastify', 'kysely', 'better-sqlite3'],
        'The domain is pure rules: it imports nothing from storage, services, routes or plugins.',
      ),
    },
  },
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@tracker/api', message: WEB_IMPORTS }],
          patterns: [
            {
              group: [
                '@tracker/api/*',
                '@tracker/api/*/**',
                '!@tracker/api/schemas',
                '!@tracker/api/domain',
                '!@tracker/api/csv-cell',
                '!@tracker/api/map',
                '!@tracker/api/map/geometry',
              ],
              message: WEB_IMPORTS,
            },
          ],
        },
      ],
    },
  },
  {
    // The tools use the API through its public entries (api/src/index.ts, the schemas and the domain),
    // so the API can move its files without breaking them.
    files: ['scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['@tracker/api/*', '@tracker/api/*/**', '!@tracker/api/schemas', '!@tracker/api/domain', '!@tracker/api/app'],
        'Scripts import the API through its public entries: @tracker/api (api/src/index.ts), @tracker/api/app (the Fastify app, for benches), @tracker/api/schemas and @tracker/api/domain.',
      ),
    },
  },
);
