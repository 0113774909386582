import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import type { PreviewServer } from 'vite';

let server: PreviewServer;
let s: Session;

before(async () => {
  const started = await startServer();
  server = started.server;
  s = await openSession(started.base);
});
after(async () => {
  await s?.close();
  await server?.close();
});

test('the app loads every data file from its own origin and says what it loaded', async () => {
  await s.page.goto(s.base);
  const cell = (file: string) => s.page.locator(`td[data-file="${file}"]`);
  await cell('parks.geojson').waitFor();
  assert.equal(await cell('sectors.json').textContent(), '15');
  assert.equal(await cell('districts.geojson').textContent(), '16');
  assert.match((await cell('zones.geojson').textContent()) ?? '', /^\d+$/);
  assert.ok(Number(await cell('parks.geojson').textContent()) >= 30);
  assert.deepEqual(s.offOrigin, []);
  assert.deepEqual(s.errors, []);
});
