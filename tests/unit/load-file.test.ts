/** The view files' loaders (stats.json, targets.json, briefing.json): a missing, broken or wrong file is a message, not a throw. */
import { describe, expect, it } from 'vitest';
import { loadStatsFile } from '../../src/loaders/load-stats';
import { loadTargets } from '../../src/loaders/load-targets';
import { loadBriefing } from '../../src/loaders/load-briefing';
import { diskFetcher } from '../fakes/geo-disk';

const serve = (status: number, body: string) => async (url: string) => ({ ok: status === 200, status, text: async () => (url.endsWith('.json') ? body : '') });

describe('view files', () => {
  it('load the real files', async () => {
    for (const load of [loadStatsFile, loadTargets, loadBriefing]) {
      const r = await load('/', diskFetcher());
      expect(r.ok).toBe(true);
    }
  });

  it('name the file and the HTTP status', async () => {
    expect(await loadTargets('/', serve(404, ''))).toEqual({ ok: false, error: 'targets.json: HTTP 404' });
    expect(await loadBriefing('/x/', serve(500, ''))).toEqual({ ok: false, error: 'briefing.json: HTTP 500' });
  });

  it('say a file that is not JSON', async () => {
    const r = await loadStatsFile('/', serve(200, '{"zones": ['));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^stats\.json: /);
  });

  it('count a file’s schema problems and name the first ones in English', async () => {
    const r = await loadTargets('/', serve(200, JSON.stringify({ version: 1, targets: 'none', context: [] })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^\d+ problem\(s\): .*targets/);
    const b = await loadBriefing('/', serve(200, JSON.stringify({ chapters: [{}] })));
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error).toMatch(/^\d+ problem\(s\): /);
  });
});
