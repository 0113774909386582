import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { loadGeoData } from '../../src/loaders/load-geo';
import { loadBriefing } from '../../src/loaders/load-briefing';
import { selectVisibleParks } from '../../src/state/selectors/parks';
import { diskFetcher } from '../fakes/geo-disk';

describe('briefing chapters', () => {
  it('every park a chapter rings is on its map: the chapter’s sector filter lets it through', async () => {
    const store = createAppStore();
    const [geo, b] = await Promise.all([loadGeoData('/', diskFetcher()), loadBriefing('/', diskFetcher())]);
    if (!b.ok) throw new Error(b.error);
    store.getState().setGeo(geo);
    store.getState().setBriefing(b.data);
    const parkIds = new Set(store.getState().derived!.parks.map((p) => p.id));
    const hidden: string[] = [];
    b.data.chapters.forEach((ch, i) => {
      store.getState().startBriefing('audience', i);
      const shown = new Set(selectVisibleParks(store.getState()).map((p) => p.id));
      for (const id of ch.highlight) if (parkIds.has(id) && !shown.has(id)) hidden.push(`${ch.id}: ${id}`);
    });
    expect(hidden).toEqual([]);
  });
});
