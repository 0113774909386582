/**
 * npm run export:geoparquet -- [--out DIR]   (default: .geoparquet/)
 *
 * Writes the built districts, zones and parks (public/geo, from `npm run build:data`) as
 * GeoParquet: DIR/districts.parquet, DIR/zones.parquet, DIR/parks.parquet, for joining a
 * national-size register in DuckDB spatial or Apache Sedona (docs/scale.md). The writer and the
 * file layout are in scripts/lib/geoparquet.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { geoParquetOf } from './lib/geoparquet';
import { GEO_DIR, ROOT, isMain } from './link';

export const LAYERS = ['districts', 'zones', 'parks'] as const;

/** Writes the three files into `outDir`; returns their paths and feature counts. */
export function exportGeoParquet(outDir: string, geoDir = GEO_DIR): { file: string; features: number; bytes: number }[] {
  mkdirSync(outDir, { recursive: true });
  return LAYERS.map((layer) => {
    const fc = JSON.parse(readFileSync(join(geoDir, `${layer}.geojson`), 'utf8')) as FeatureCollection;
    const bytes = geoParquetOf(fc.features);
    const file = join(outDir, `${layer}.parquet`);
    writeFileSync(file, bytes);
    return { file, features: fc.features.length, bytes: bytes.length };
  });
}

if (isMain(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const outDir = resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : join(ROOT, '.geoparquet'));
  for (const r of exportGeoParquet(outDir)) console.log(`${r.file}: ${r.features} features, ${(r.bytes / 1024).toFixed(0)} KB`);
}
