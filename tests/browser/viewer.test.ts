// The viewer end to end in headless Chromium against the real server over a scored Krackhardt
// run: the map renders with every actor and tie, search selects an actor and the panel shows the
// API's values, filters change the count to the API's count, a URL restores the view, and the page
// logs no errors. A screenshot lands in tests/artifacts/viewer.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRACKHARDT } from '../server/harness.js';
import { buildViewer, openPage, startViewer, type ViewerFixture } from './viewer-harness.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

interface NodeRow {
  id: string;
  metrics: Record<string, number | string | boolean | null>;
}

describe('viewer in the browser', () => {
  let fx: ViewerFixture;
  let page: Page;
  const errors: string[] = [];
  let nodes: NodeRow[] = [];
  let ties = 0;

  beforeAll(async () => {
    fx = await startViewer(KRACKHARDT, 'krack', await buildViewer());
    nodes = ((await (await fetch(`${fx.server.url}/api/runs/latest/nodes?limit=1000`)).json()) as { items: NodeRow[] }).items;
    ties = ((await (await fetch(`${fx.server.url}/api/runs/latest/edges?limit=1`)).json()) as { total: number }).total;
    page = await openPage(fx.browser, errors);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const count = async (p: Page): Promise<number> => Number(await p.locator('#count').getAttribute('data-nodes'));

  it('renders the map with every actor and tie of the run', async () => {
    expect(nodes).toHaveLength(21);
    expect(ties).toBe(159);
    await page.goto(fx.server.url);
    await page.waitForSelector('#count[data-nodes]');
    await expect.poll(() => page.locator('#map canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('#count').textContent()).toBe('21 of 21 actors · 159 of 159 ties');
    expect(await page.locator('#map').getAttribute('data-nodes')).toBe('21');
    // The legend names the departments' colouring source and the tie kinds present.
    expect(await page.locator('#legend .legend-title').textContent()).toBe('community');
    expect(await page.locator('#tie-legend').textContent()).toContain('Strong tie');
  });

  it('search selects an actor; the panel shows its betweenness and constraint as the API reports them', async () => {
    await page.locator('#search').fill('A17');
    await expect.poll(() => page.locator('#suggestions li').first().textContent()).toBe('A17');
    await page.locator('#search').press('Enter');
    const panel = page.locator('section.actor[data-actor="A17"]');
    await panel.waitFor();
    const api = (await (await fetch(`${fx.server.url}/api/runs/latest/nodes/A17`)).json()) as { metrics: Record<string, number>; percentiles: Record<string, number>; explanation: string };
    for (const m of ['betweenness', 'constraint']) {
      const row = panel.locator(`tr[data-metric="${m}"]`);
      expect(Number(await row.getAttribute('data-value'))).toBe(api.metrics[m]);
      expect(await row.locator('.metric-value').textContent()).toBe(String(Number(api.metrics[m]!.toPrecision(4))));
      expect(await row.locator('.pct-text').textContent()).toBe(`${Math.round(api.percentiles[m]!)}%`);
    }
    expect(await panel.locator('.explanation').textContent()).toBe(api.explanation);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('sel=A17');
  });

  it('filters reduce the count to what the API says remains', async () => {
    const minDegree = 16;
    const expected = nodes.filter((n) => (n.metrics.degree as number) >= minDegree).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(21);
    await page.locator('#min-degree').fill(String(minDegree));
    await expect.poll(() => count(page)).toBe(expected);
    await page.locator('#min-degree').fill('0');
    await expect.poll(() => count(page)).toBe(21);

    // A metric range: betweenness at least the median value.
    const bw = nodes.map((n) => n.metrics.betweenness as number).sort((a, b) => a - b);
    const lo = bw[10]!;
    await page.locator('#range-metric').selectOption('betweenness');
    await page.locator('#range-min').fill(String(lo));
    await page.locator('#range-min').dispatchEvent('change');
    await expect.poll(() => count(page)).toBe(bw.filter((v) => v >= lo).length);

    // Ego network, radius 1, of the selection (A17): itself and its neighbours (any betweenness).
    await page.locator('#reset-filters').click();
    await page.locator('#ego-radius').selectOption('1');
    const degree = nodes.find((n) => n.id === 'A17')!.metrics.degree as number;
    await expect.poll(() => count(page)).toBe(degree + 1);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-ego.png') });
    await page.locator('#ego-radius').selectOption('0');
    await expect.poll(() => count(page)).toBe(21);
  });

  it('a URL restores the selection and the filters', async () => {
    const other = await openPage(fx.browser, errors);
    await other.goto(`${fx.server.url}/#sel=A05&mindeg=16&color=department`);
    await other.locator('section.actor[data-actor="A05"]').waitFor();
    await expect.poll(() => count(other)).toBe(nodes.filter((n) => (n.metrics.degree as number) >= 16).length);
    expect(await other.locator('#min-degree').inputValue()).toBe('16');
    expect(await other.locator('#color-select').inputValue()).toBe('department');
    expect(await other.locator('#legend .legend-title').textContent()).toBe('department');
    mkdirSync(ARTIFACTS, { recursive: true });
    await other.screenshot({ path: join(ARTIFACTS, 'viewer.png') });
    await other.close();
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
