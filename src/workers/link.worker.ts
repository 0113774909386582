/**
 * The link worker: receives the districts and zones once, builds the linker once, then reads,
 * converts and links every file it is sent, off the main thread. Protocol: src/state/link-client.ts.
 */
import { createLinker } from '../geo/link';
import type { Linker } from '../geo/link';
import { districtBounds, runLinkRequest, transferablesOf } from '../geo/sites';
import type { LinkReply, LinkRequest } from '../geo/sites';
import type { DistrictFeature, ZoneFeature } from '../geo/types';

export type WorkerMessage = { kind: 'init'; districts: DistrictFeature[]; zones: ZoneFeature[] } | ({ kind: 'link' } & LinkRequest);

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null;
  postMessage(message: LinkReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let linker: Linker | null = null;
let bounds: [number, number, number, number] = [-180, -90, 180, 90];

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === 'init') {
    linker = createLinker(m.districts, m.zones);
    bounds = districtBounds(m.districts);
    return;
  }
  const reply = async (): Promise<void> => {
    try {
      if (!linker) throw new Error('the link worker has no districts and zones yet');
      const result = await runLinkRequest(m, linker, bounds);
      scope.postMessage({ kind: 'result', req: m.req, result }, transferablesOf(result));
    } catch (err) {
      scope.postMessage({ kind: 'error', req: m.req, message: err instanceof Error ? err.message : String(err) });
    }
  };
  void reply();
};
