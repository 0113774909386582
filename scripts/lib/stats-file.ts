/**
 * public/geo/stats.json: figures the statistics view would otherwise compute in the browser —
 * every zone's area and its share in each district (polygon clipping, src/geo/zone-stats.ts), and
 * the build's consistency audit (src/geo/audit.ts). Validated with StatsFileSchema.
 */
import type { Audit } from '../../src/geo/audit';
import { geometryKm2, zoneFigures } from '../../src/geo/zone-stats';
import type { BuildOutputs } from './build';
import type { StatsFile } from '../../src/loaders/schemas';

/** Rounded so the file is short and rebuilds byte for byte: shares to 0.01 %, areas to 0.001 km². */
const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function buildStatsFile(o: Pick<BuildOutputs, 'zones' | 'districts'>, audit: Audit): StatsFile {
  const districts = o.districts.features.map((f) => ({ name: f.properties.name_zh, geometry: f.geometry }));
  const zones: StatsFile['zones'] = {};
  for (const z of o.zones.features) {
    const f = zoneFigures(z.geometry, districts);
    zones[z.properties.id] = {
      km2: f.km2 === null ? null : r(f.km2, 3),
      districts: f.districts.map((d) => ({ district: d.district, share: r(d.share, 4), km2: r(d.km2, 3) })),
    };
  }
  const areas: StatsFile['districts'] = {};
  for (const d of districts) areas[d.name] = { km2: r(geometryKm2(d.geometry) ?? 0, 3) };
  return {
    version: 1,
    zones,
    districts: areas,
    audit: {
      parksOutsideZones: [...audit.parksOutsideZones],
      unsupported: audit.unsupported.map((u) => ({ ...u })),
      zonesWithoutParks: [...audit.zonesWithoutParks],
    },
  };
}
