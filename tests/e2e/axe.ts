/**
 * axe-core in the page: its source is handed to the page through the driver (page.evaluate), not
 * as an inline <script>, which the app's Content-Security-Policy forbids.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The findings of impact `serious` or `critical` on the page as it is now (all of axe's rules). */
export async function axeFindings(page: Page, opts: { exclude?: string[] } = {}): Promise<Finding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(SOURCE);
  return page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<AxeResults> } }).axe;
    const r = await axe.run({ include: [document], exclude: exclude.map((s) => [s]) }, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, opts.exclude ?? []);
}

/** One line per rule: `rule (impact) ×n: first targets`, for a readable assertion message. */
export const describeFindings = (f: Finding[]): string =>
  f.map((v) => `${v.rule} (${v.impact}) ×${v.targets.length}: ${v.targets.slice(0, 4).join(' | ')}`).join('\n');
