/**
 * The GeoParquet export (scripts/export-geoparquet.ts) read back by another Parquet reader
 * (hyparquet, which decodes the WKB itself): every feature, property and coordinate of the built
 * districts, zones and parks, and the GeoParquet metadata engines look for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { FeatureCollection } from 'geojson';
import { LAYERS, exportGeoParquet } from '../../scripts/export-geoparquet';
import { GEO_DIR } from '../../scripts/link';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'geoparquet-'));
  exportGeoParquet(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (layer: string) => {
  const b = readFileSync(join(dir, `${layer}.parquet`));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

describe.each(LAYERS)('%s.parquet', (layer) => {
  const source = JSON.parse(readFileSync(join(GEO_DIR, `${layer}.geojson`), 'utf8')) as FeatureCollection;

  it('holds every feature: its id, every property and its geometry, as built', async () => {
    const rows = await parquetReadObjects({ file: bytesOf(layer) });
    expect(rows).toHaveLength(source.features.length);
    const schema = parquetSchema(parquetMetadata(bytesOf(layer)));
    const jsonColumns = new Set(schema.children.filter((c) => c.element.converted_type === 'JSON').map((c) => c.element.name));
    source.features.forEach((f, i) => {
      const row = rows[i]!;
      expect(row.id).toBe(f.properties?.id ?? f.id);
      for (const [k, v] of Object.entries(f.properties ?? {})) {
        const got = jsonColumns.has(k) && typeof row[k] === 'string' ? JSON.parse(row[k] as string) : row[k];
        expect(got, `${layer} ${String(f.id)} ${k}`).toEqual(v);
      }
      expect(row.geometry).toEqual(f.geometry);
    });
  });

  it('says it is GeoParquet 1.1: WKB geometry in `geometry`, its types and bbox, longitude/latitude (no crs: OGC:CRS84)', () => {
    const meta = parquetMetadata(bytesOf(layer));
    const geo = JSON.parse(meta.key_value_metadata!.find((kv) => kv.key === 'geo')!.value!) as {
      version: string;
      primary_column: string;
      columns: Record<string, { encoding: string; geometry_types: string[]; bbox: number[]; crs?: unknown }>;
    };
    expect(geo.version).toBe('1.1.0');
    expect(geo.primary_column).toBe('geometry');
    const col = geo.columns.geometry!;
    expect(col.encoding).toBe('WKB');
    expect(col.crs).toBeUndefined();
    expect(col.geometry_types).toEqual([...new Set(source.features.map((f) => f.geometry.type))].sort());
    const [minx, miny, maxx, maxy] = col.bbox;
    // Shanghai lies within 120.8–122.2 E, 30.6–31.9 N
    expect(minx).toBeGreaterThan(120.8);
    expect(maxx).toBeLessThan(122.3);
    expect(miny).toBeGreaterThan(30.6);
    expect(maxy).toBeLessThan(31.95);
    const geomColumn = parquetSchema(meta).children.find((c) => c.element.name === 'geometry')!;
    expect(geomColumn.element.logical_type?.type).toBe('GEOMETRY');
  });
});
