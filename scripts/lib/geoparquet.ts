/**
 * Built GeoJSON layers (districts, zones, parks) as GeoParquet, for the engines people run on
 * national-size registers (DuckDB spatial, Apache Sedona; docs/scale.md).
 *
 * Written with hyparquet-writer (pure JavaScript, no native code, maintained, writes Parquet's
 * GEOMETRY logical type with its bounding-box statistics). The file is GeoParquet 1.1: the
 * geometry is WKB in the column `geometry`, described by the `geo` key of the file metadata
 * (encoding, geometry types, bbox; no `crs` member, which GeoParquet reads as OGC:CRS84, i.e.
 * WGS-84 longitude/latitude, what public/geo holds). The same column also carries Parquet's own
 * GEOMETRY type, so readers that know Parquet 2.11's geospatial types see it without the metadata.
 *
 * Properties become columns in the order first met: numbers → DOUBLE, booleans → BOOLEAN,
 * strings → STRING, anything else (arrays such as `sectors`, objects such as `links`) → JSON
 * text; a missing value is null. The feature's `id` is the column `id` unless a property has
 * that name.
 */
import type { Feature, Geometry } from 'geojson';
import { ByteWriter, parquetWrite } from 'hyparquet-writer';

type ColumnType = 'DOUBLE' | 'BOOLEAN' | 'STRING' | 'JSON';

function columnType(values: readonly unknown[]): ColumnType {
  let type: ColumnType | null = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const t: ColumnType = typeof v === 'number' ? 'DOUBLE' : typeof v === 'boolean' ? 'BOOLEAN' : typeof v === 'string' ? 'STRING' : 'JSON';
    if (type !== null && type !== t) return 'JSON';
    type = t;
  }
  return type ?? 'STRING';
}

/** The bbox of every position of `g` (minx, miny, maxx, maxy). */
function extend(box: [number, number, number, number], g: Geometry): void {
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0], x!);
      box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!);
      box[3] = Math.max(box[3], y!);
    } else if (Array.isArray(c)) for (const p of c) walk(p);
  };
  if (g.type === 'GeometryCollection') for (const p of g.geometries) extend(box, p);
  else walk(g.coordinates);
}

/** GeoParquet 1.1 bytes of `features` (every one with a geometry). */
export function geoParquetOf(features: readonly Feature[]): Uint8Array {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features)
    for (const k of Object.keys(f.properties ?? {}))
      if (!seen.has(k) && k !== 'geometry') {
        seen.add(k);
        keys.push(k);
      }
  const columnData: { name: string; data: unknown[]; type: ColumnType | 'GEOMETRY'; nullable?: boolean }[] = [];
  if (!seen.has('id')) {
    const ids = features.map((f) => f.id ?? null);
    columnData.push({ name: 'id', type: columnType(ids), data: ids });
  }
  for (const k of keys) {
    const raw = features.map((f) => f.properties?.[k] ?? null);
    const type = columnType(raw);
    // JSON: the writer writes each value's JSON text
    columnData.push({ name: k, type, data: raw });
  }
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const types = new Set<string>();
  for (const f of features) {
    if (f.geometry === null) throw new Error(`feature ${String(f.id)} has no geometry`);
    extend(box, f.geometry);
    types.add(f.geometry.type);
  }
  columnData.push({ name: 'geometry', type: 'GEOMETRY', nullable: false, data: features.map((f) => f.geometry) });
  const geo = {
    version: '1.1.0',
    primary_column: 'geometry',
    columns: { geometry: { encoding: 'WKB', geometry_types: [...types].sort(), bbox: box } },
  };
  const writer = new ByteWriter();
  parquetWrite({
    writer,
    columnData: columnData as Parameters<typeof parquetWrite>[0]['columnData'],
    kvMetadata: [{ key: 'geo', value: JSON.stringify(geo) }],
    createdBy: 'shanghai-sei-cluster-map export-geoparquet (hyparquet-writer)',
  });
  return new Uint8Array(writer.getBuffer());
}
