import type { FeatureCollection } from 'geojson';

/** One feature per line: small files that still diff well in git. */
export function serialiseCollection(fc: FeatureCollection): string {
  const body = fc.features.map((f) => JSON.stringify(f)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
}
