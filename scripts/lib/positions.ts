/**
 * Positions of places: the coordinate each rests on (converted to WGS-84 where it came from a
 * GCJ-02 map), its datum check against a second coordinate, and the distance to the place's point.
 */
import { fromWgs84, toWgs84 as convert } from '../../src/geo/crs';
import type { PositionRef } from '../../src/loaders/schemas';
import { distanceM } from '../../src/geo/footprint';
import type { LonLat } from '../../src/geo/types';
import type { CoordinateInput, ParkInput } from './authoring';

/** Two coordinates of one thing closer than this agree (metres). */
export const AGREE_M = 150;

export function toWgs84(ll: LonLat, crs: 'WGS-84' | 'GCJ-02'): LonLat {
  if (crs === 'WGS-84') return ll;
  return convert(ll[0], ll[1], 'gcj02', 6);
}

export type DatumVerdict =
  | { kind: 'agrees'; metres: number }
  /** the coordinate looks like a GCJ-02 point read as WGS-84: converting it would bring it to the second one */
  | { kind: 'looks-gcj'; metres: number; convertedMetres: number }
  /** the second coordinate is the shifted one: ours agrees with it once it is shifted to GCJ-02 */
  | { kind: 'other-looks-gcj'; metres: number }
  | { kind: 'disagrees'; metres: number };

/**
 * Tests a WGS-84 coordinate against a second, independent WGS-84 coordinate of the same thing for
 * the GCJ-02 offset (≈ 0.5 km in Shanghai): they agree, or one of them looks shifted, or they
 * simply disagree.
 */
export function datumVerdict(point: LonLat, other: LonLat): DatumVerdict {
  const metres = distanceM(point, other);
  if (metres <= AGREE_M) return { kind: 'agrees', metres };
  const converted = toWgs84(point, 'GCJ-02');
  const convertedMetres = distanceM(converted, other);
  if (convertedMetres <= AGREE_M) return { kind: 'looks-gcj', metres, convertedMetres };
  const shifted: LonLat = fromWgs84(point[0], point[1], 'gcj02');
  if (distanceM(shifted, other) <= AGREE_M) return { kind: 'other-looks-gcj', metres };
  return { kind: 'disagrees', metres };
}

export interface ResolvedCoordinate {
  at: LonLat;
  ref: Omit<PositionRef, 'distance_m'>;
}

/** Resolves a published coordinate: converted to WGS-84, its datum checked. Returns errors as text. */
export function resolveCoordinate(c: CoordinateInput, bad: (reason: string) => void): ResolvedCoordinate {
  const at = toWgs84([c.lon, c.lat], c.crs);
  let datum: PositionRef['datum'] = c.crs === 'GCJ-02' ? 'converted' : 'unchecked';
  if (c.cross_check) {
    const v = datumVerdict(at, [c.cross_check.lon, c.cross_check.lat]);
    const m = (x: number) => `${Math.round(x)} m`;
    if (v.kind === 'agrees') datum = c.crs === 'GCJ-02' ? 'converted' : 'agrees';
    else if (v.kind === 'looks-gcj')
      bad(
        `position: ${c.name_zh} looks GCJ-02-shifted: ${m(v.metres)} from its cross-check (${c.cross_check.source}), ${m(v.convertedMetres)} once converted; set crs "GCJ-02" or reject it`,
      );
    else if (v.kind === 'disagrees') bad(`position: ${c.name_zh} is ${m(v.metres)} from its cross-check (${c.cross_check.source}), more than ${AGREE_M} m`);
    // 'other-looks-gcj': the cross-check is the shifted one; ours stays unchecked
  }
  return { at, ref: { name_zh: c.name_zh, name_en: c.name_en, what: c.what, source: c.source, datum } };
}

/** The confidence a position method gives (the app's three levels). */
export function confidenceOf(method: ParkInput['position']['method']): 'sourced' | 'estimate' | 'schematic' {
  return method === 'published' ? 'sourced' : method === 'container' ? 'schematic' : 'estimate';
}
