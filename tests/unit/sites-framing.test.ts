/** An imported set framed on the map: the store's camera requests, from sets written out by hand. */
import { describe, expect, it } from 'vitest';
import { realGeoFixture } from '../fakes/geo-disk';
import type { SiteSet } from '../../src/geo/sites';

const real = realGeoFixture();

/** a linked file with these WGS-84 coordinates (only the fields the framing reads matter) */
const result = (id: string, coords: number[]) =>
  ({
    set: { id, fileName: `${id}.csv`, count: coords.length / 2, fingerprint: id, coords: new Float64Array(coords) } as unknown as SiteSet,
    fileName: `${id}.csv`,
    errorCount: 0,
    fatal: null,
  }) as never;

describe('framing an imported set', () => {
  it('asks for the box of its sites once imported, unless the map shows them already', () => {
    const store = real.store();
    // 青浦 and 嘉定, and one in 北京 that the map cannot show (left out of the box)
    store.getState().finishSiteImport(result('a', [121.05, 31.15, 121.25, 31.38, 116.4, 39.9]));
    expect(store.getState().cameraRequest).toMatchObject({
      bounds: [
        [121.05, 31.15],
        [121.25, 31.38],
      ],
      unlessShown: true,
    });
    // "Show on map": the same box, whatever the map shows
    const seq = store.getState().cameraRequest!.seq;
    store.getState().showSiteSet('a');
    const again = store.getState().cameraRequest!;
    expect(again.seq).toBeGreaterThan(seq);
    expect(again.bounds).toEqual([
      [121.05, 31.15],
      [121.25, 31.38],
    ]);
    expect(again.unlessShown).toBeUndefined();
  });

  it('one site: a box 0.02° across about it; a set the map cannot show at all: no request', () => {
    const store = real.store();
    store.getState().finishSiteImport(result('one', [121.4737, 31.2304]));
    const [[w, s], [e, n]] = store.getState().cameraRequest!.bounds!;
    expect([w, s, e, n].map((v) => +v.toFixed(4))).toEqual([121.4637, 31.2204, 121.4837, 31.2404]);
    const far = real.store();
    far.getState().finishSiteImport(result('far', [116.4, 39.9, 113.26, 23.13]));
    expect(far.getState().siteSets).toHaveLength(1);
    expect(far.getState().cameraRequest).toBeNull();
  });

  it('a file under review is framed when its valid rows are imported', () => {
    const store = real.store();
    store.getState().finishSiteImport({ ...(result('r', [121.5, 31.2, 121.6, 31.3]) as object), errorCount: 1 } as never);
    expect(store.getState().cameraRequest).toBeNull();
    store.getState().confirmSiteImport();
    expect(store.getState().cameraRequest?.bounds).toEqual([
      [121.5, 31.2],
      [121.6, 31.3],
    ]);
  });
});
