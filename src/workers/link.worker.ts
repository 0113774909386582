/**
 * The link worker: receives the districts and zones once, builds the linker once, then reads,
 * converts and links every file it is sent, off the main thread. Protocol: ./protocol.ts; client:
 * src/state/link-client.ts.
 */
import type { Linker } from '../geo/link';
import { handOffSet, linkerFor, runLinkRequest, runRelinkRequest, transferablesOf, transferablesOfSet } from './protocol';
import type { LinkReply, WorkerMessage } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null;
  postMessage(message: LinkReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let linker: Linker | null = null;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === 'init') {
    linker = linkerFor(m);
    return;
  }
  const reply = async (): Promise<void> => {
    try {
      if (!linker) throw new Error('the link worker has no districts and zones yet');
      if (m.kind === 'link') {
        const result = await runLinkRequest(m, linker);
        scope.postMessage({ kind: 'result', req: m.req, result, points: handOffSet(result.set) }, transferablesOf(result));
      } else {
        const set = runRelinkRequest(m, linker);
        scope.postMessage({ kind: 'relinked', req: m.req, set, points: handOffSet(set) }, transferablesOfSet(set));
      }
    } catch (err) {
      scope.postMessage({ kind: 'error', req: m.req, message: err instanceof Error ? err.message : String(err) });
    }
  };
  void reply();
};
