/**
 * A district's box for tests, worked out apart from the app's `boundsOf` (Turf's bbox): the least
 * and greatest of its coordinates, as read from districts.geojson. Every district when no name is given.
 */
export type Box = [[number, number], [number, number]];

interface DistrictLike {
  properties: { name_zh: string };
  geometry: { coordinates: unknown };
}

export function districtBox(features: readonly DistrictLike[], name?: string): Box {
  const chosen = features.filter((f) => name === undefined || f.properties.name_zh === name);
  if (!chosen.length) throw new Error(`no district ${name}`);
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else c.forEach(walk);
  };
  chosen.forEach((f) => walk(f.geometry.coordinates));
  return [
    [w, s],
    [e, n],
  ];
}
