import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

/** Libraries never import apps; an app never imports another app (libs are the shared part). */
const apps = ['api', 'worker', 'cli', 'web'];
const boundary = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const appImport = (app) => ({
  group: [`**/apps/${app}/**`, `apps/${app}/**`],
  message: `apps/${app} is an application: share code through a lib (libs/…) instead.`,
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'var/**',
      'node_modules/**',
      'coverage/**',
      'apps/web/src/api/schema.d.ts',
      'test/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits, a promise where a callback is expected, and a
    // switch that forgets a member of a union all fail the lint.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // Vite's config belongs to no tsconfig: it is linted with the default project.
        projectService: { allowDefaultProject: ['apps/web/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  { files: ['libs/**/*.ts'], rules: boundary(apps.map(appImport)) },
  ...apps.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: boundary(apps.filter((other) => other !== app).map(appImport)),
  })),
  // The console runs in the browser: React's hook rules and the browser's globals.
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        URLSearchParams: 'readonly',
        XMLHttpRequest: 'readonly',
        FormData: 'readonly',
        File: 'readonly',
        Response: 'readonly',
      },
    },
  },
);
