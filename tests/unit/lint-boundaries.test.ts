/**
 * The folder flow (STYLE §2) is enforced by the lint config: snippets written as if they were
 * files of the tree are linted with eslint.config.js through ESLint's own API.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BOUNDARY_RULES = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];
/** Only the boundary rules run (the React Compiler checks of react-hooks take most of a lint's time). */
const options = {
  cwd: ROOT,
  overrideConfigFile: resolve(ROOT, 'eslint.config.js'),
  ruleFilter: ({ ruleId }: { ruleId: string }) => BOUNDARY_RULES.includes(ruleId),
};

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint(options);
});

/** The boundary reports (rule id and message) for `code` linted as the file `filePath`. */
async function boundaryReports(filePath: string, code: string): Promise<{ ruleId: string; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`could not parse the snippet: ${fatal[0]!.message}`);
  return result.messages.filter((m) => BOUNDARY_RULES.includes(m.ruleId ?? '')).map((m) => ({ ruleId: m.ruleId!, message: m.message }));
}

describe('folder flow: refused imports', () => {
  test('components → map (the deliberate back-edge), at run time and as types', async () => {
    const runtime = await boundaryReports('src/components/Probe.tsx', "import { MapView } from '../map/MapView';\nexport const P = MapView;\n");
    expect(runtime).toHaveLength(1);
    expect(runtime[0]!.ruleId).toMatch(/no-restricted-imports$/);
    expect(runtime[0]!.message).toMatch(/src\/components .* may import only: /);

    const typeOnly = await boundaryReports(
      'src/components/briefing/Probe.tsx',
      "import type { LegendItem } from '../../map/layers';\nexport type P = LegendItem;\n",
    );
    expect(typeOnly.map((r) => r.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  test('components → maplibre-gl', async () => {
    const reports = await boundaryReports('src/components/Probe.tsx', "import maplibregl from 'maplibre-gl';\nexport const P = maplibregl;\n");
    expect(reports).toHaveLength(1);
    expect(reports[0]!.ruleId).toMatch(/no-restricted-imports$/);
    expect(reports[0]!.message).toMatch(/Only src\/map may import MapLibre/);
  });

  test('scripts → tests, from scripts/ and from scripts/lib/', async () => {
    const top = await boundaryReports('scripts/probe.ts', "import { openSession } from '../tests/e2e/harness';\nexport const P = openSession;\n");
    expect(top.map((r) => r.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(top[0]!.message).toMatch(/never imports tests/);

    const nested = await boundaryReports('scripts/lib/probe.ts', "export { loadRealGeo } from '../../tests/fakes/geo-disk';\n");
    expect(nested.map((r) => r.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  test('components → app', async () => {
    const reports = await boundaryReports('src/components/briefing/Probe.tsx', "import { failedFiles } from '../../app/App';\nexport const P = failedFiles;\n");
    expect(reports.map((r) => r.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  test('loaders → state', async () => {
    const reports = await boundaryReports('src/loaders/probe.ts', "import { createAppStore } from '../state/store';\nexport const P = createAppStore;\n");
    expect(reports.map((r) => r.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  test('geo → loaders at run time is refused; a type-only import of the schema types is not', async () => {
    const runtime = await boundaryReports('src/geo/probe.ts', "import { ParkPropsSchema } from '../loaders/schemas';\nexport const P = ParkPropsSchema;\n");
    expect(runtime.map((r) => r.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(runtime[0]!.message).toMatch(/Import types only/);

    const types = await boundaryReports('src/geo/probe.ts', "import type { ParkProps } from '../loaders/schemas';\nexport type P = ParkProps;\n");
    expect(types).toEqual([]);
  });

  test('a dynamic import() across a boundary is refused too', async () => {
    const reports = await boundaryReports('src/components/Probe.tsx', "export const load = () => import('../map/map-controller');\n");
    expect(reports.map((r) => r.ruleId)).toEqual(['no-restricted-syntax']);
    expect(reports[0]!.message).toMatch(/^src\/components /);
  });

  test('more of the flow: domain imports nothing, geo no React, scripts no store, src no tests, no zustand create outside state', async () => {
    const cases: [string, string][] = [
      ['src/domain/probe.ts', "import { perf } from '../lib/perf';\nexport const P = perf;\n"],
      ['src/geo/probe.ts', "import { useMemo } from 'react';\nexport const P = useMemo;\n"],
      ['src/geo/probe.ts', "import { createAppStore } from '../state/store';\nexport const P = createAppStore;\n"],
      ['src/state/probe.ts', "import { MapView } from '../map/MapView';\nexport const P = MapView;\n"],
      ['src/map/probe.ts', "import { ParkCard } from '../components/ParkCard';\nexport const P = ParkCard;\n"],
      ['src/map/probe.ts', "import { along } from '@turf/turf';\nexport const P = along;\n"],
      ['src/components/probe.ts', "import { create } from 'zustand';\nexport const P = create;\n"],
      ['src/workers/probe.ts', "import { createAppStore } from '../state/store';\nexport const P = createAppStore;\n"],
      ['src/state/probe.ts', "import { diskFetcher } from '../../tests/fakes/geo-disk';\nexport const P = diskFetcher;\n"],
      ['scripts/probe.ts', "import { createAppStore } from '../src/state/store';\nexport const P = createAppStore;\n"],
      ['build/probe.ts', "import { MapView } from '../src/map/MapView.tsx';\nexport const P = MapView;\n"],
      ['bench/bare/probe.ts', "import { diskFetcher } from '../../tests/fakes/geo-disk';\nexport const P = diskFetcher;\n"],
    ];
    for (const [file, code] of cases) {
      const reports = await boundaryReports(file, code);
      expect(reports.length, `${file}: ${code}`).toBe(1);
    }
  });
});

describe('folder flow: allowed imports stay allowed', () => {
  test('imports down the flow, packages where they belong, tests → scripts', async () => {
    const cases: [string, string][] = [
      [
        'src/components/Probe.tsx',
        "import { useAppStore } from '../state/store';\nimport { useShallow } from 'zustand/react/shallow';\nexport const P = [useAppStore, useShallow];\n",
      ],
      [
        'src/map/probe.ts',
        "import maplibregl from 'maplibre-gl';\nimport { useAppStore } from '../state/store';\nexport const P = [maplibregl, useAppStore];\n",
      ],
      [
        'src/geo/probe.ts',
        "import { along } from '@turf/turf';\nimport type { TopSectorId } from '../domain/ids';\nexport const P = along;\nexport type S = TopSectorId;\n",
      ],
      [
        'src/app/Probe.tsx',
        "import { MapView } from '../map/MapView';\nimport { ParkCard } from '../components/ParkCard';\nexport const P = [MapView, ParkCard];\n",
      ],
      ['src/state/probe.ts', "export const load = () => import('../geo/area-query');\n"],
      ['scripts/lib/probe.ts', "import { createLinker } from '../../src/geo/link';\nexport const P = createLinker;\n"],
      [
        'tests/unit/probe.test.ts',
        "import { openSession } from '../../scripts/lib/browser';\nimport { MapView } from '../../src/map/MapView';\nexport const P = [openSession, MapView];\n",
      ],
      ['bench/bare/probe.ts', "import { createAppStore } from '../../src/state/store';\nexport const P = createAppStore;\n"],
    ];
    for (const [file, code] of cases) {
      expect(await boundaryReports(file, code), `${file}: ${code}`).toEqual([]);
    }
  });
});
