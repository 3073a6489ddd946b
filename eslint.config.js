import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', 'public/build/', 'public/assets/', 'node_modules/', '.data*/', 'test-results/', 'playwright-report/', 'app/styles/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Research-side code never reaches identity code (also checked transitively by a test).
    files: ['app/research/**', 'app/surveys/**', 'app/analysis/**', 'app/reports/**', 'db/research/**', 'db/reference/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/identity/**', '#db/identity/*', '~/identity/*', '~/auth/*', '~/governance/*'], message: 'Research-side code must not import identity code (spec 15.2.3).' },
          ],
        },
      ],
    },
  },
  {
    // Only research, survey and db code writes through the research client (also checked by a test).
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: ['app/research/**', 'app/surveys/**', 'app/health.server.ts', 'server/start-up.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '#db/research/client', message: 'Use a function in app/research or app/surveys instead of the research client.' }] }],
    },
  },
);
