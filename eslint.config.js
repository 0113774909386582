import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// ---------------------------------------------------------------------------------------------
// Who may import what (STYLE §2). Imports flow from the app down to the shared ids; a folder
// may import only the src/ folders listed for it (and itself). Everything else is refused:
// static imports and `export … from` by no-restricted-imports (typescript-eslint's, which can
// let type-only imports through), dynamic `import()` by no-restricted-syntax.
// ---------------------------------------------------------------------------------------------

/** The folders of src/, lowest first. */
const SRC = ['domain', 'lib', 'i18n', 'theme', 'geo', 'loaders', 'io', 'export', 'workers', 'state', 'map', 'components', 'app'];

/**
 * What each folder of src/ may import: `may` at run time and as types, `types` as types only.
 * src/main.tsx may import anything in src/.
 */
const FLOW = {
  domain: { may: [], why: 'shared ids and value types; imports nothing' },
  lib: { may: ['domain'], why: 'small generic helpers' },
  i18n: { may: ['domain', 'lib'], why: 'texts in zh and en' },
  theme: { may: ['domain', 'lib', 'i18n'], why: 'colours and symbols' },
  geo: { may: ['domain', 'lib'], types: ['loaders'], why: 'pure geometry over typed features (Turf lives here)' },
  loaders: { may: ['domain', 'lib', 'geo'], why: 'fetch and validate public/geo' },
  io: { may: ['domain', 'lib', 'i18n', 'geo', 'loaders'], why: "reading users' files, pure" },
  export: { may: ['domain', 'lib', 'i18n', 'theme', 'geo', 'loaders', 'io'], why: "writing users' files, pure" },
  workers: { may: ['domain', 'lib', 'geo', 'loaders', 'io'], why: 'Web Workers and their protocol' },
  state: { may: ['domain', 'lib', 'i18n', 'theme', 'geo', 'loaders', 'io', 'export', 'workers'], why: 'the store' },
  map: { may: ['domain', 'lib', 'i18n', 'theme', 'geo', 'state'], types: ['loaders'], why: 'the only MapLibre code' },
  components: {
    may: ['domain', 'lib', 'i18n', 'theme', 'geo', 'io', 'export', 'state'],
    types: ['loaders'],
    why: 'React panels: read selectors, call actions; the map is reached through the store, never imported',
  },
  app: { may: SRC.filter((f) => f !== 'app'), why: 'the shell that composes everything' },
};

/** Packages and the only folders of src/ that may import them. */
const PACKAGES = [
  {
    regex: '^(maplibre-gl|terra-draw|terra-draw-maplibre-gl-adapter)(/|$)',
    only: ['map'],
    message: 'Only src/map may import MapLibre and its drawing tools (one module owns the map).',
  },
  { regex: '^(@turf/|flatbush$|gcoord$)', only: ['geo'], message: 'Turf, spatial indexes and CRS conversion live in src/geo (pure functions); call those.' },
  { regex: '^react-dom(/|$)', only: ['app', 'components', 'map'], message: 'react-dom belongs to the React layers (app, components, map).' },
  { regex: '^react(/|$)', only: ['app', 'components', 'map', 'state'], message: 'React belongs to app, components, map and the store provider in state.' },
  { regex: '^zustand(/vanilla|/middleware.*)?$', only: ['state'], message: 'Stores are made in src/state only; read them through its hooks and selectors.' },
];

/** Matches a relative specifier that climbs to a sibling folder named `name` (`../name/…`, `../../name/…`). */
const up = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;
/** The same for a specifier that climbs out to the repository root and into src/<name>. */
const upSrc = (names) => `^(\\.\\./)+src/(${names.join('|')})(/|$|\\.)`;

/** no-restricted-syntax entry refusing `import('<regex>')` (slashes written as \x2F for esquery). */
const dynamicImport = (regex, message) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`, message });

/**
 * The two rules for a file in `folder` ('src/<name>', 'src/main', 'scripts', 'build', 'bench'), with the
 * src/ folders in `allow` let through.
 * @param {string} folder
 * @param {string[]} [allow]
 * @returns {import('eslint').Linter.RulesRecord}
 */
export function boundaryRules(folder, allow = []) {
  const patterns = [];
  const inSrc = folder.startsWith('src/');
  const name = folder.slice(4);
  const outside = ['scripts', 'tests', 'bench', 'build', 'data', 'public'];
  if (inSrc) {
    patterns.push({ regex: up(outside), message: 'src/ is the app: it never imports scripts, tests, bench, build or data files.' });
    if (FLOW[name]) {
      const rule = FLOW[name];
      const typesOnly = (rule.types ?? []).filter((f) => !allow.includes(f));
      const refused = SRC.filter((f) => f !== name && !rule.may.includes(f) && !typesOnly.includes(f) && !allow.includes(f));
      const may = [...rule.may, ...(rule.types ?? []).map((f) => `${f} (types)`)].join(', ') || 'nothing';
      const message = `src/${name} (${rule.why}) may import only: ${may} (STYLE §2).`;
      if (refused.length) patterns.push({ regex: up(refused), message });
      if (typesOnly.length) patterns.push({ regex: up(typesOnly), allowTypeImports: true, message: `${message} Import types only.` });
      if (name === 'domain') patterns.push({ regex: '^[^.]', allowTypeImports: true, message: 'src/domain imports nothing (types only).' });
    }
    for (const p of PACKAGES) {
      if (!p.only.includes(name) && name !== 'main') patterns.push({ regex: p.regex, message: p.message });
    }
  } else {
    patterns.push({ regex: up(['tests']), message: `${folder}/ never imports tests/ (tests may import scripts, not the other way round).` });
    if (folder !== 'bench') {
      const refused = ['workers', 'state', 'map', 'components', 'app', 'main'];
      patterns.push({
        regex: upSrc(refused),
        message: `${folder}/ may use src/ pure layers (domain, lib, i18n, theme, geo, loaders, io, export), not the store, map, UI or workers.`,
      });
      patterns.push({ regex: '^(react|react-dom|maplibre-gl|zustand)(/|$)', message: `${folder}/ runs in Node: no React, MapLibre or store.` });
    }
  }
  const strict = patterns.map((p) => ({ caseSensitive: true, ...p }));
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: strict }],
    // import() is not seen by no-restricted-imports; type-only allowances do not apply to it
    'no-restricted-syntax': ['error', ...strict.map((p) => dynamicImport(p.regex, p.message))],
  };
}

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
  ...[...SRC, 'main'].map((name) => ({
    files: name === 'main' ? ['src/main.tsx'] : [`src/${name}/**/*.{ts,tsx}`],
    rules: boundaryRules(`src/${name}`),
  })),
  {
    // geometry stays pure: no network, no page
    files: ['src/geo/**/*.ts', 'src/domain/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'fetch', 'document', 'window', 'localStorage', 'sessionStorage', 'XMLHttpRequest'] },
  },
  ...['scripts', 'build', 'bench'].map((folder) => ({ files: [`${folder}/**/*.{ts,tsx,js,mjs}`], rules: boundaryRules(folder) })),
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
