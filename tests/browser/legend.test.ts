// The map's legends in headless Chromium against the real server over a scored Krackhardt run:
// coloured by community and by department, the colour legend has one entry per value with the
// number of actors the API gives that value, and every actor is drawn in its value's swatch colour
// (as the map draws it: sigma's display data); sized by betweenness, the size legend names the
// metric and labels its smallest and largest dots with the API's lowest and highest values, and the
// actors with those values are drawn at the smallest and largest sizes (3 and 15 px).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, MAX_SIZE, MIN_SIZE } from '../../viewer/src/map-style.js';
import { KRACKHARDT } from '../server/harness.js';
import { openViewer, type ViewerFixture } from './viewer-harness.js';

interface NodeRow {
  id: string;
  attributes: Record<string, string>;
  metrics: Record<string, number | string | boolean | null>;
}

interface LegendEntry {
  value: string;
  count: number;
  /** The swatch's computed background, `rgb(r, g, b)`. */
  color: string;
}

/** `#rrggbb` as getComputedStyle writes it. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

function tally(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

describe('viewer legends', () => {
  let fx: ViewerFixture;
  let page: Page;
  let errors: string[] = [];
  let nodes: NodeRow[] = [];

  beforeAll(async () => {
    ({ fx, page, errors } = await openViewer(KRACKHARDT, 'krack'));
    nodes = ((await (await fetch(`${fx.server.url}/api/runs/latest/nodes?limit=1000`)).json()) as { items: NodeRow[] }).items;
  });
  afterAll(async () => {
    await fx?.close();
  });

  const legend = (): Promise<LegendEntry[]> =>
    page.locator('#legend li:not(.legend-title)').evaluateAll((lis) =>
      lis.map((li) => {
        const m = /^\s*(.*?)\s+\((\d+)\)\s*$/.exec(li.textContent ?? '')!;
        return { value: m[1]!, count: Number(m[2]), color: getComputedStyle(li.querySelector('.swatch')!).backgroundColor };
      }),
    );
  const looks = (): Promise<Record<string, { color: string; size: number }>> =>
    page.evaluate(() => Object.fromEntries(window.socapMap!.nodes().map((n) => [n, window.socapMap!.nodeLook(n)!])));

  /** The legend lists each value once with its API count, and each actor is drawn in its value's colour. */
  async function checkColours(title: string, valueOf: (n: NodeRow) => string): Promise<void> {
    await expect.poll(() => page.locator('#legend .legend-title').textContent()).toBe(title);
    const entries = await legend();
    const counts = tally(nodes.map(valueOf));
    expect(counts.size).toBeGreaterThan(1);
    expect(counts.size).toBeLessThanOrEqual(12);
    expect(new Map(entries.map((e) => [e.value, e.count]))).toEqual(counts);
    expect(entries).toHaveLength(counts.size);
    // Distinct colours, one a value.
    expect(new Set(entries.map((e) => e.color)).size).toBe(entries.length);
    const colorOf = new Map(entries.map((e) => [e.value, e.color]));
    const drawn = await looks();
    const wrong = nodes.filter((n) => rgb(drawn[n.id]!.color) !== colorOf.get(valueOf(n))).map((n) => n.id);
    expect(wrong).toEqual([]);
  }

  it('colour by community: one legend entry per community, in the colour its actors have', async () => {
    expect(await page.locator('#color-select').inputValue()).toBe('community');
    await checkColours('community', (n) => String(n.metrics.community));
  });

  it('colour by department: one legend entry per department, in the colour its actors have', async () => {
    await page.locator('#color-select').selectOption('department');
    await checkColours('department', (n) => n.attributes.department!);
    await page.locator('#color-select').selectOption('community');
  });

  it('size by betweenness: the size legend names the metric and its range; sizes follow the metric', async () => {
    await page.locator('#size-select').selectOption('betweenness');
    await expect.poll(() => page.locator('#size-legend .legend-title').textContent()).toBe('size: betweenness');
    const bw = nodes.map((n) => n.metrics.betweenness as number);
    const [lo, hi] = [Math.min(...bw), Math.max(...bw)];
    expect(hi).toBeGreaterThan(lo);
    const dots = await page.locator('#size-legend .size-dot').evaluateAll((ds) => ds.map((d) => ({ text: (d.textContent ?? '').trim(), width: (d.querySelector('.dot') as HTMLElement).getBoundingClientRect().width })));
    expect(dots.map((d) => d.text)).toEqual([formatNumber(lo), formatNumber((lo + hi) / 2), formatNumber(hi)]);
    expect(dots[0]!.width).toBeCloseTo(2 * MIN_SIZE, 5);
    expect(dots[2]!.width).toBeCloseTo(2 * MAX_SIZE, 5);
    const drawn = await looks();
    for (const n of nodes) {
      const b = n.metrics.betweenness as number;
      expect(drawn[n.id]!.size).toBeCloseTo(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt((b - lo) / (hi - lo)), 9);
    }
    // Back to the server's default: the legend names the server's size metric.
    await page.locator('#size-select').selectOption('');
    await expect.poll(() => page.locator('#size-legend .legend-title').textContent()).toBe('size: betweenness');
    expect(await page.locator('#size-select').inputValue()).toBe('');
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
