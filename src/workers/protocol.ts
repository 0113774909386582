/**
 * The link worker's protocol (src/workers/link.worker.ts), and the work behind each message, so
 * the worker and its in-thread stand-in (src/state/link-client.ts, where there is no Worker) run
 * exactly the same code: read → convert → link (src/io/link-sites.ts).
 */
import { createLinker } from '../geo/link';
import type { Linker } from '../geo/link';
import { relinkSiteSet } from '../geo/sites';
import type { LinkAreas, SiteSet } from '../geo/sites';
import type { Crs } from '../geo/crs';
import type { EncodingChoice } from '../io/decode';
import { importSites } from '../io/link-sites';
import type { SiteImportResult } from '../io/link-sites';
import { MAX_IMPORT_ROWS } from '../io/limits';
import { handOffPoints } from '../lib/points-channel';

/** Read and link one file. */
export interface LinkRequest {
  req: number;
  /** the file itself (read where the linking runs, in chunks) or its text */
  source: Blob | string;
  fileName: string;
  crs: Crs;
  encoding: EncodingChoice;
  /** read rows whose lon/lat look swapped as points, swapped back */
  fixSwapped?: boolean;
  setId: string;
}

/** Link an imported set again, its coordinates read in another system. */
export interface RelinkRequest {
  req: number;
  set: SiteSet;
  crs: Crs;
  setId: string;
}

export type WorkerMessage = ({ kind: 'init' } & LinkAreas) | ({ kind: 'link' } & LinkRequest) | ({ kind: 'relink' } & RelinkRequest);

/** `points`: the key the set's coordinates were said under on the points channel (none for an empty set). */
export type LinkReply =
  | { kind: 'result'; req: number; result: SiteImportResult; points?: string }
  | { kind: 'relinked'; req: number; set: SiteSet; points?: string }
  | { kind: 'error'; req: number; message: string };

/** The linker for the areas (built once per worker). */
export function linkerFor(areas: LinkAreas): Linker {
  return createLinker(areas.districts, areas.zones);
}

/** Reads a request's file (size-checked first, so a huge file is never read) and links it. */
export function runLinkRequest(r: LinkRequest, linker: Linker): Promise<SiteImportResult> {
  return importSites(r.source, r.fileName, linker, {
    crs: r.crs,
    encoding: r.encoding,
    fixSwapped: r.fixSwapped === true,
    maxRows: MAX_IMPORT_ROWS,
    setId: r.setId,
  });
}

export function runRelinkRequest(r: RelinkRequest, linker: Linker): SiteSet {
  return relinkSiteSet(r.set, r.crs, linker, r.setId);
}

/**
 * Hands a linked set's coordinates to MapLibre's workers (the points channel) before they are
 * moved to the page, so the page copies nothing to put the sites on the map.
 */
export function handOffSet(s: SiteSet): string | undefined {
  return s.count > 0 ? handOffPoints(s.coords, s.count) : undefined;
}

/** The buffers of a set that can be moved (not copied) to another thread. */
export function transferablesOfSet(s: SiteSet): ArrayBuffer[] {
  return [s.coords, s.input, s.swapped, s.district, s.combo, s.lines, s.rows, s.ids.offsets, s.ids.nulls, s.names.offsets, s.names.nulls].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** The buffers of a result that can be moved (not copied) to another thread. */
export function transferablesOf(result: SiteImportResult): ArrayBuffer[] {
  return transferablesOfSet(result.set);
}
