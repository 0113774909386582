/**
 * Loaded into MapLibre's own workers (maplibregl.importScriptInWorkers, from map-controller.ts):
 * answers `sitepoints://` URLs there, so a GeoJSON source reads an import's coordinates from their
 * blob and builds its features in the worker that indexes and tiles them. The page never touches
 * the features (src/map/controller/point-sets.ts).
 *
 * MapLibre's worker sends the data it loaded from a URL back to the page (a copy for
 * `getData()`, which the app never calls): 100,000 features cloned into the page in one task. For
 * point-set URLs only, that copy is left out: the source keeps its URL (MapLibre 6's worker
 * message `LD`, loadData; if those internals change, the copy simply comes back).
 */
import { POINTS_PROTOCOL, featuresOfBuffers, isPointsUrl, parsePointsUrl } from './point-sets';

interface LoadDataParams {
  type: string;
  source: string;
  request?: { url?: unknown };
}
interface MapLibreWorkerScope {
  addProtocol(name: string, load: (params: { url: string }, abort: AbortController) => Promise<{ data: unknown }>): void;
  worker?: {
    actor?: { registerMessageHandler?(type: string, handler: (mapId: string, params: LoadDataParams) => Promise<unknown>): void };
    _getWorkerSource?(mapId: string, type: string, source: string): { loadData(params: LoadDataParams): Promise<Record<string, unknown>> };
  };
}
const scope = self as unknown as MapLibreWorkerScope;

scope.addProtocol(POINTS_PROTOCOL, async ({ url }, abort) => {
  const refs = parsePointsUrl(url);
  if (!refs) throw new Error(`not a point-set URL: ${url.slice(0, 80)}`);
  const buffers = await Promise.all(refs.map(async (r) => (await fetch(r.url, { signal: abort.signal })).arrayBuffer()));
  return { data: featuresOfBuffers(refs, buffers) };
});

const worker = scope.worker;
const getSource = worker?._getWorkerSource?.bind(worker);
if (getSource && typeof worker?.actor?.registerMessageHandler === 'function')
  worker.actor.registerMessageHandler('LD', async (mapId, params) => {
    const result = await getSource(mapId, params.type, params.source).loadData(params);
    if (isPointsUrl(params.request?.url)) delete result.data;
    return result;
  });
