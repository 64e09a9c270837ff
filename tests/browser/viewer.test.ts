// The viewer end to end in headless Chromium against the real server over a scored Krackhardt
// run: the map renders with every actor and tie, hover draws the ego network (and only the ties the
// filters leave), search selects an actor and the panel shows the API's values, filters change the
// count to the API's count, a URL restores the view, and the page logs no errors. Screenshots land
// in tests/artifacts/ (viewer.png, viewer-hover.png, viewer-ego.png).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapProbe } from '../../viewer/src/map-view.js';
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

  it('hover draws the actor’s ties and neighbours, hides the other ties and dims the rest; leaving restores the map', async () => {
    const edges = ((await (await fetch(`${fx.server.url}/api/runs/latest/edges?limit=1000`)).json()) as { items: { source: string; target: string }[] }).items;
    const degree = new Map(nodes.map((n) => [n.id, n.metrics.degree as number]));
    // The least connected actor: it has neighbours and non-neighbours.
    const ego = [...degree].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const nbrs = new Set(edges.flatMap((e) => (e.source === ego ? [e.target] : e.target === ego ? [e.source] : [])));
    expect(nbrs.size).toBe(degree.get(ego));
    expect(nbrs.size).toBeLessThan(20);

    const box = (await page.locator('#map').boundingBox())!;
    const pos = await page.evaluate(() => {
      const map: MapProbe = window.socapMap!;
      return Object.fromEntries(map.nodes().map((n) => [n, map.viewportPosition(n)!]));
    });
    // The ego layer's pixel at a point of the map (alpha 0: nothing drawn there).
    const egoPixel = (p: { x: number; y: number }): Promise<number[]> =>
      page.evaluate(({ x, y }) => [...document.querySelector<HTMLCanvasElement>('#map canvas.sigma-ego')!.getContext('2d')!.getImageData(Math.round(x), Math.round(y), 1, 1).data], p);
    const edgeLayer = (): Promise<string> => page.evaluate(() => getComputedStyle(document.querySelector('#map canvas.sigma-edges')!).visibility);
    // A non-neighbour whose centre lies at least 12 px from every drawn tie of the ego.
    const distToSegment = (p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number => {
      const [dx, dy] = [b.x - a.x, b.y - a.y];
      const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
    };
    const far = nodes.map((n) => n.id).find((id) => id !== ego && !nbrs.has(id) && [...nbrs].every((w) => distToSegment(pos[id]!, pos[ego]!, pos[w]!) > 12))!;
    expect(far).toBeDefined();
    const near = [...nbrs][0]!;
    expect(await edgeLayer()).toBe('visible');

    await page.mouse.move(box.x + pos[ego]!.x, box.y + pos[ego]!.y);
    await expect.poll(() => page.locator('#map').getAttribute('data-hovered')).toBe(ego);
    expect(await page.locator('#map').getAttribute('data-hover-ties')).toBe(String(nbrs.size));
    expect(await edgeLayer()).toBe('hidden');
    expect((await egoPixel(pos[near]!))[3]).toBe(255); // the neighbour, drawn opaque over the veil
    expect(await egoPixel(pos[far]!)).toEqual([255, 255, 255, Math.round(0.78 * 255)]); // the veil only
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-hover.png') });

    await page.mouse.move(box.x - 60, box.y + 60);
    await expect.poll(() => page.locator('#map').getAttribute('data-hovered')).toBeNull();
    expect(await edgeLayer()).toBe('visible');
    expect((await egoPixel(pos[near]!))[3]).toBe(0);

    // Under a filter only the ties still shown are drawn: minimum degree 16 keeps the actors of
    // degree ≥ 16, so a kept actor shows its ties to kept neighbours.
    const hub = [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const keptNbrs = edges.filter((e) => (e.source === hub || e.target === hub) && degree.get(e.source === hub ? e.target : e.source)! >= 16).length;
    expect(keptNbrs).toBeLessThan(degree.get(hub)!);
    await page.locator('#min-degree').fill('16');
    await expect.poll(() => count(page)).toBe(nodes.filter((n) => (n.metrics.degree as number) >= 16).length);
    const hubPos = await page.evaluate((id) => window.socapMap!.viewportPosition(id)!, hub);
    await page.mouse.move(box.x + hubPos.x, box.y + hubPos.y);
    await expect.poll(() => page.locator('#map').getAttribute('data-hovered')).toBe(hub);
    expect(await page.locator('#map').getAttribute('data-hover-ties')).toBe(String(keptNbrs));
    await page.mouse.move(box.x - 60, box.y + 60);
    await expect.poll(() => page.locator('#map').getAttribute('data-hovered')).toBeNull();
    await page.locator('#min-degree').fill('0');
    await expect.poll(() => count(page)).toBe(21);
    // Every hover change was timed (tests/bench/viewer-perf.ts reads these measures).
    expect(await page.evaluate(() => performance.getEntriesByName('socap-hover-frame').length)).toBeGreaterThanOrEqual(4);
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
