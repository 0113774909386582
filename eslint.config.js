import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noMaplibre = {
  name: 'maplibre-gl',
  message: 'Only src/map/ may import maplibre-gl (see STYLE: one module owns the map).',
};
const noTurf = {
  name: '@turf/turf',
  message: 'Turf lives in src/geo/ (pure functions); call those instead.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'coverage', '.scratch', '.test-results', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/components/**', 'src/app/**', 'src/state/**', 'src/loaders/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noMaplibre, noTurf] }] },
  },
  {
    files: ['src/geo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noMaplibre, { name: 'react', message: 'src/geo is pure.' }, { name: 'zustand', message: 'src/geo is pure.' }] },
      ],
    },
  },
  {
    files: ['src/map/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noTurf] }] },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
