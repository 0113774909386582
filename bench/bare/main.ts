/**
 * The baseline for scripts/bench-browser.ts: one plain maplibregl.Map with the app's own style
 * (buildStyle, same layers, the same font declared the same way: installMapFont), the same /geo files and the same sources built
 * by the same functions (deriveData, mapParks), and nothing else: no React, no store, no zod
 * validation, no controls. Ready = the first `idle` after every source has its data, flagged as
 * data-map-ready="true" on [data-testid="map"], exactly as MapController does.
 *
 * ?w=…&h=… sizes the map container in CSS px, ?lng=…&lat=…&z=… places its camera (the bench
 * passes the app's map size and first view); ?hold=1 holds its drawing until its first frame is
 * complete, as the app does (src/map/first-frame.ts; a diagnostic: the baseline has no hold).
 */
import { installMapFont } from '../../src/map/map-font';
import { holdFirstFrame } from '../../src/map/first-frame';
import type { GeoJSONSource } from 'maplibre-gl';
import { maplibregl } from '../../src/map/maplibre-setup';
import { buildStyle } from '../../src/map/style';
import type { SourceId } from '../../src/map/layers';
import { DEFAULT_CAMERA, MAP_OPTIONS } from '../../src/map/map-controller';
import { mark } from '../../src/lib/perf';
import { deriveData, mapParks } from '../../src/state/derive';
import type { GeoData, Loaded } from '../../src/loaders/load-geo';
import { GEO_FILES } from '../../src/loaders/geo-files';

installMapFont();
const container = document.getElementById('map')!;
const q = new URLSearchParams(location.search);
const w = Number(q.get('w'));
const h = Number(q.get('h'));
const at = ['lng', 'lat', 'z'].map((k) => Number(q.get(k) ?? NaN));
const camera = at.every(Number.isFinite) ? { lng: at[0]!, lat: at[1]!, zoom: at[2]! } : DEFAULT_CAMERA;
if (w > 0 && h > 0) {
  container.style.width = `${w}px`;
  container.style.height = `${h}px`;
}
container.dataset.mapReady = 'false';

const base = import.meta.env.BASE_URL;
const loaded = Promise.all(
  Object.values(GEO_FILES).map(async (name): Promise<Loaded<unknown>> => {
    const res = await fetch(`${base}geo/${name}`);
    return res.ok ? { ok: true, data: (await res.json()) as unknown } : { ok: false, error: `${name}: HTTP ${res.status}` };
  }),
).then(([manifest, sectors, districts, zones, parks, basemap, footprints]) => {
  mark('geo:fetched');
  return { manifest, sectors, districts, zones, parks, basemap, footprints } as GeoData;
});

const map = new maplibregl.Map({
  container,
  style: buildStyle({ lang: 'zh' }),
  center: [camera.lng, camera.lat],
  zoom: camera.zoom,
  ...MAP_OPTIONS,
});
(window as unknown as { __map?: unknown }).__map = map;
// ?hold=1: the app's hold on the first frame (the bench's diagnostic page "held bare")
if (q.has('hold')) holdFirstFrame(map);
mark('map:create');

const styleLoaded = new Promise<void>((resolve) =>
  map.once('style.load', () => {
    mark('map:style');
    resolve();
  }),
);

void Promise.all([loaded, styleLoaded]).then(([geo]) => {
  const d = deriveData(geo);
  const data: [SourceId, GeoJSON.FeatureCollection | null][] = [
    ['provinces', d.provinces],
    ['basemap-lines', d.basemapLines],
    ['districts', geo.districts.ok ? geo.districts.data : null],
    ['district-labels', d.districtLabels],
    ['zones', geo.zones.ok ? geo.zones.data : null],
    ['zone-labels', d.zoneLabels],
    ['footprints', geo.footprints.ok ? geo.footprints.data : null],
    ['parks', mapParks(geo, geo.sectors.ok ? geo.sectors.data : null)],
  ];
  for (const [id, fc] of data) if (fc) (map.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
  mark('map:data');
  map.once('idle', () => {
    mark('map:ready');
    container.dataset.mapReady = 'true';
  });
});
