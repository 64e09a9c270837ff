// The map filters, the URL state and the actor panel in headless Chromium against the real server,
// over a small organization written here that is deliberately not connected, so "giant component
// only" has something to drop:
//
//   P1–P2–P3 triangle, P3–P4–P5, P5–P6–P7 triangle, P7–P8, P8–P9–P10 triangle   (10 actors, 12 ties)
//   Q1–Q2–Q3 triangle, Q3–Q4                                                     (4 actors, 4 ties)
//   R1–R2                                                                        (2 actors, 1 tie)
//   Z1 with no tie                                                               (1 actor)
//
// Weighted edges (no timestamps): ties are strong when their weight is above the run's percentile
// (P1–P2, P1–P3, P5–P6, Q1–Q2 here), read from the API's `strong` flags, not assumed.
// Every expected count is worked out in this file from GET /nodes and GET /edges (plain set
// filtering, breadth-first search for hops and components) in the order docs/viewer.md gives
// (ranges and terms, then ties, then ego, then giant component), never with the viewer's own code.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildViewer, openPage, startViewer, type ViewerFixture } from './viewer-harness.js';

const PEOPLE: [id: string, label: string, department: string][] = [
  ['P1', 'Pia Park', 'sales'], ['P2', 'Per Pole', 'sales'], ['P3', 'Pat Pine', 'ops'], ['P4', 'Pam Peak', 'ops'],
  ['P5', 'Pol Pratt', 'it'], ['P6', 'Pip Pond', 'it'], ['P7', 'Pen Pike', 'hr'], ['P8', 'Poe Pry', 'sales'],
  ['P9', 'Pru Post', 'hr'], ['P10', 'Pax Plum', 'ops'], ['Q1', 'Quin Quay', 'sales'], ['Q2', 'Quo Quill', 'it'],
  ['Q3', 'Qia Quartz', 'hr'], ['Q4', 'Qed Quest', 'ops'], ['R1', 'Rae Roe', 'it'], ['R2', 'Rex Rye', 'sales'],
  ['Z1', 'Zed Zinc', 'hr'],
];
const TIES: [string, string, number][] = [
  ['P1', 'P2', 5], ['P1', 'P3', 4], ['P2', 'P3', 3], ['P3', 'P4', 1], ['P4', 'P5', 2], ['P5', 'P6', 6],
  ['P5', 'P7', 1], ['P6', 'P7', 2], ['P7', 'P8', 1], ['P8', 'P9', 3], ['P9', 'P10', 1], ['P8', 'P10', 2],
  ['Q1', 'Q2', 5], ['Q2', 'Q3', 1], ['Q3', 'Q4', 2], ['Q1', 'Q3', 1], ['R1', 'R2', 1],
];
const ROLES = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'];

function writeOrg(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'nodes.csv'), ['id,label,department,office', ...PEOPLE.map(([id, label, d], k) => `${id},${label},${d},${k % 2 ? 'north' : 'south'}`)].join('\n') + '\n');
  writeFileSync(join(dir, 'edges.csv'), ['source,target,weight', ...TIES.map((t) => t.join(','))].join('\n') + '\n');
}

type Value = number | string | boolean | null;
interface NodeRow {
  id: string;
  label: string;
  attributes: Record<string, string>;
  metrics: Record<string, Value>;
}
interface EdgeRow {
  source: string;
  target: string;
  strong: Value;
}
interface Detail extends NodeRow {
  group: string | null;
  groupAttribute: string | null;
  percentiles: Record<string, number | null>;
}
interface Cluster {
  key: string | null;
  size: number;
}

/** What the map should show: actors kept by `keep`, then ties, then ego radius, then the giant component. */
interface Expect {
  keep?: (n: NodeRow) => boolean;
  strongOnly?: boolean;
  ego?: { node: string; radius: number };
  giant?: boolean;
}

describe('filters, URL state and actor panel in the browser', () => {
  let fx: ViewerFixture;
  let orgDir: string;
  let page: Page;
  const errors: string[] = [];
  let nodes: NodeRow[] = [];
  let edges: EdgeRow[] = [];
  let runId = '';

  const get = async <T,>(path: string): Promise<T> => (await (await fetch(`${fx.server.url}${path}`)).json()) as T;

  beforeAll(async () => {
    orgDir = mkdtempSync(join(tmpdir(), 'socap-filters-org-'));
    writeOrg(orgDir);
    fx = await startViewer(orgDir, 'parts', await buildViewer());
    nodes = (await get<{ items: NodeRow[] }>('/api/runs/latest/nodes?limit=1000')).items;
    edges = (await get<{ items: EdgeRow[] }>('/api/runs/latest/edges?limit=1000')).items;
    runId = (await get<{ id: string }>('/api/runs/latest')).id;
    page = await openPage(fx.browser, errors);
    await page.goto(fx.server.url);
    await page.waitForSelector('#map[data-nodes] canvas');
  });
  afterAll(async () => {
    await fx?.close();
    if (orgDir) rmSync(orgDir, { recursive: true, force: true });
  });

  // ---- independent expectations ------------------------------------------------------------------

  /** Neighbours over the ties between kept actors (strong ones only if asked). */
  const adjacency = (kept: Set<string>, strongOnly: boolean): Map<string, string[]> => {
    const adj = new Map<string, string[]>([...kept].map((id) => [id, []]));
    for (const e of edges) {
      if (!kept.has(e.source) || !kept.has(e.target) || (strongOnly && e.strong !== true)) continue;
      adj.get(e.source)!.push(e.target);
      adj.get(e.target)!.push(e.source);
    }
    return adj;
  };
  /** Actors within `radius` hops of `start` (breadth-first). */
  const within = (adj: Map<string, string[]>, start: string, radius: number): Set<string> => {
    const dist = new Map([[start, 0]]);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      if (dist.get(u)! === radius) continue;
      for (const w of adj.get(u) ?? []) {
        if (!dist.has(w)) dist.set(w, dist.get(u)! + 1), queue.push(w);
      }
    }
    return new Set(dist.keys());
  };
  /** Connected components, largest first. */
  const components = (adj: Map<string, string[]>): Set<string>[] => {
    const seen = new Set<string>();
    const out: Set<string>[] = [];
    for (const s of adj.keys()) if (!seen.has(s)) out.push(within(adj, s, Infinity)), out.at(-1)!.forEach((v) => seen.add(v));
    return out.sort((a, b) => b.size - a.size);
  };
  /** The actors and ties the map should show. */
  const expected = (x: Expect): { actors: Set<string>; ties: number } => {
    let kept = new Set(nodes.filter((n) => x.keep?.(n) ?? true).map((n) => n.id));
    if (x.ego) kept = kept.has(x.ego.node) ? within(adjacency(kept, x.strongOnly ?? false), x.ego.node, x.ego.radius) : new Set();
    if (x.giant) {
      const comps = components(adjacency(kept, x.strongOnly ?? false));
      // A unique largest part, so the expectation does not depend on which of equals is kept.
      expect(comps[0]!.size).toBeGreaterThan(comps[1]?.size ?? 0);
      kept = comps[0]!;
    }
    const ties = edges.filter((e) => kept.has(e.source) && kept.has(e.target) && (!x.strongOnly || e.strong === true)).length;
    return { actors: kept, ties };
  };
  const countText = (x: Expect): string => {
    const { actors, ties } = expected(x);
    return `${actors.size} of ${nodes.length} actors · ${ties} of ${edges.length} ties`;
  };
  const metric = (n: NodeRow, m: string): number => n.metrics[m] as number;
  const dept = (n: NodeRow): string => n.attributes.department!;

  // ---- page helpers ----------------------------------------------------------------------------

  const shown = (p: Page = page): Promise<string | null> => p.locator('#count').textContent();
  /** Filters off, default size, the actor tab: what each test starts from. */
  const clean = async (): Promise<void> => {
    await page.locator('#reset-filters').click();
    await page.locator('#size-select').selectOption('');
    await page.locator('.tabs [data-tab="actor"]').click();
    await expect.poll(() => shown()).toBe(countText({}));
  };
  const reset = async (): Promise<void> => {
    await page.locator('#reset-filters').click();
    await expect.poll(() => shown()).toBe(countText({}));
  };
  const search = async (p: Page, id: string): Promise<void> => {
    await p.locator('#search').fill(id);
    await expect.poll(() => p.locator('#suggestions li').first().textContent()).toContain(`(${id})`);
    await p.locator('#search').press('Enter');
    await p.locator(`section.actor[data-actor="${id}"]`).waitFor();
  };
  const setRange = async (p: Page, m: string, min: number | null, max: number): Promise<void> => {
    await p.locator('#range-metric').selectOption(m);
    await p.locator('#range-min').fill(min === null ? '' : String(min));
    await p.locator('#range-min').dispatchEvent('change');
    await p.locator('#range-max').fill(String(max));
    await p.locator('#range-max').dispatchEvent('change');
  };
  /** Every control of the filters and the toolbar, as shown. */
  const controls = (p: Page): Promise<Record<string, unknown>> =>
    p.evaluate(() => {
      const val = (id: string): string => (document.getElementById(id) as HTMLInputElement | HTMLSelectElement).value;
      const checked = (id: string): boolean => (document.getElementById(id) as HTMLInputElement).checked;
      return {
        color: val('color-select'),
        size: val('size-select'),
        rangeMetric: val('range-metric'),
        rangeMin: val('range-min'),
        rangeMax: val('range-max'),
        ranges: [...document.querySelectorAll('#range-list li')].map((li) => li.firstChild?.textContent ?? ''),
        termsAttr: val('terms-attr'),
        terms: [...document.querySelectorAll<HTMLInputElement>('#terms input:checked')].map((c) => c.value),
        strongOnly: checked('strong-only'),
        giantOnly: checked('giant-only'),
        egoRadius: val('ego-radius'),
        minDegree: val('min-degree'),
        selected: document.querySelector('section.actor')?.getAttribute('data-actor') ?? null,
      };
    });

  it('the organization is not connected, has strong and weak ties, and the map shows all of it', async () => {
    expect(nodes).toHaveLength(PEOPLE.length);
    expect(edges).toHaveLength(TIES.length);
    const parts = components(adjacency(new Set(nodes.map((n) => n.id)), false)).map((c) => c.size);
    expect(parts).toEqual([10, 4, 2, 1]);
    expect(edges.filter((e) => e.strong === true).length).toBeGreaterThan(0);
    expect(edges.filter((e) => e.strong !== true).length).toBeGreaterThan(0);
    expect(await shown()).toBe(`17 of 17 actors · 17 of 17 ties`);
  });

  it('group terms: ticking one department, then a second, keeps exactly their actors', async () => {
    await clean();
    await page.locator('#terms-attr').selectOption('department');
    // Each value is offered with its number of actors.
    for (const d of ['sales', 'ops', 'it', 'hr']) {
      const n = nodes.filter((x) => dept(x) === d).length;
      expect(await page.locator('#terms label', { has: page.locator(`input[value="${d}"]`) }).textContent()).toBe(` ${d} (${n})`);
    }
    await page.locator('#terms input[value="sales"]').check();
    const one = countText({ keep: (n) => dept(n) === 'sales' });
    // By hand: P1 P2 P8 Q1 R2, and the one tie among them, P1–P2.
    expect(one).toBe('5 of 17 actors · 1 of 17 ties');
    await expect.poll(() => shown()).toBe(one);
    await page.locator('#terms input[value="it"]').check();
    const two = countText({ keep: (n) => dept(n) === 'sales' || dept(n) === 'it' });
    await expect.poll(() => shown()).toBe(two);
    expect(two).not.toBe(one);
    await page.locator('#terms input[value="sales"]').uncheck();
    await expect.poll(() => shown()).toBe(countText({ keep: (n) => dept(n) === 'it' }));
    await reset();
  });

  it('giant component only keeps the largest connected part, also of the strong ties alone', async () => {
    await clean();
    await page.locator('#giant-only').check();
    const giant = countText({ giant: true });
    expect(giant).toBe('10 of 17 actors · 12 of 17 ties');
    await expect.poll(() => shown()).toBe(giant);
    // Strong ties only disconnects the map further: the giant component is that of the strong ties.
    await page.locator('#strong-only').check();
    const strongGiant = countText({ giant: true, strongOnly: true });
    expect(expected({ giant: true, strongOnly: true }).actors.size).toBeLessThan(10);
    await expect.poll(() => shown()).toBe(strongGiant);
    await page.locator('#giant-only').uncheck();
    await expect.poll(() => shown()).toBe(countText({ strongOnly: true }));
    await reset();
    // A range that splits the big part: strength at most 8 drops P1 and P5, leaving P2–P3–P4 (found
    // first) and P6…P10 (the largest) apart; the giant component is the largest, not the first.
    await setRange(page, 'strength', null, 8);
    await page.locator('#giant-only').check();
    const split: Expect = { keep: (n) => metric(n, 'strength') <= 8, giant: true };
    expect([...expected(split).actors].sort()).toEqual(['P10', 'P6', 'P7', 'P8', 'P9']);
    await expect.poll(() => shown()).toBe(countText(split));
    await reset();
  });

  it('ego network of radius 2 around the selection: the actors within two hops', async () => {
    await clean();
    await search(page, 'P5');
    await page.locator('#ego-radius').selectOption('2');
    const two = expected({ ego: { node: 'P5', radius: 2 } });
    // By hand: P5, its neighbours P4 P6 P7, and P3 (via P4) and P8 (via P7).
    expect([...two.actors].sort()).toEqual(['P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
    await expect.poll(() => shown()).toBe(countText({ ego: { node: 'P5', radius: 2 } }));
    await page.locator('#ego-radius').selectOption('1');
    await expect.poll(() => shown()).toBe(countText({ ego: { node: 'P5', radius: 1 } }));
    expect(expected({ ego: { node: 'P5', radius: 1 } }).actors.size).toBeLessThan(two.actors.size);
    // Selecting another actor moves the ego network with it.
    await page.locator('#ego-radius').selectOption('2');
    await search(page, 'P9');
    await expect.poll(() => shown()).toBe(countText({ ego: { node: 'P9', radius: 2 } }));
    await reset();
  });

  it('the actor panel’s "Ego, 2 steps" button shows the actor’s two-step network', async () => {
    await clean();
    await search(page, 'Q4');
    expect(await shown()).toBe(countText({}));
    await page.locator('section.actor[data-actor="Q4"]').getByRole('button', { name: 'Ego, 2 steps' }).click();
    const want = expected({ ego: { node: 'Q4', radius: 2 } });
    expect([...want.actors].sort()).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    await expect.poll(() => shown()).toBe(countText({ ego: { node: 'Q4', radius: 2 } }));
    expect(await page.locator('#ego-radius').inputValue()).toBe('2');
    await page.locator('section.actor[data-actor="Q4"]').getByRole('button', { name: 'Ego network', exact: true }).click();
    await expect.poll(() => shown()).toBe(countText({ ego: { node: 'Q4', radius: 1 } }));
    expect(await page.locator('#ego-radius').inputValue()).toBe('1');
    await reset();
  });

  it('a row of the groups table filters the map to that group; a row of the communities table to that community', async () => {
    await clean();
    const groups = await get<{ attribute: string; items: Cluster[] }>(`/api/runs/${runId}/groups`);
    const communities = await get<{ attribute: string; items: Cluster[] }>(`/api/runs/${runId}/communities`);
    expect(groups.attribute).toBe('department');
    await page.locator('.tabs [data-tab="groups"]').click();
    const row = (table: string, key: string) => page.locator(`table[data-table="${table}"] tbody tr`, { has: page.locator('td:nth-child(1)', { hasText: new RegExp(`^${key}$`) }) });

    await row('groups', 'it').click();
    const it_ = countText({ keep: (n) => dept(n) === 'it' });
    expect(expected({ keep: (n) => dept(n) === 'it' }).actors.size).toBe(groups.items.find((g) => g.key === 'it')!.size);
    await expect.poll(() => shown()).toBe(it_);
    expect(await page.locator('#terms-attr').inputValue()).toBe('department');
    expect((await controls(page)).terms).toEqual(['it']);
    await reset();

    // The community of P5, whose community has members of several departments.
    const key = metric(nodes.find((n) => n.id === 'P5')!, 'community');
    const members = nodes.filter((n) => metric(n, 'community') === key);
    expect(new Set(members.map(dept)).size).toBeGreaterThan(1);
    expect(members.length).toBe(communities.items.find((c) => c.key === String(key))!.size);
    await page.locator('.tabs [data-tab="groups"]').click();
    await row('communities', String(key)).click();
    await expect.poll(() => shown()).toBe(countText({ keep: (n) => metric(n, 'community') === key }));
    await reset();
  });

  // A row replaces what an earlier row of the other table kept (not the intersection of both).
  it('a row picked after a row of the other table shows only the newly picked group or community', async () => {
    await clean();
    await page.locator('.tabs [data-tab="groups"]').click();
    const row = (table: string, key: string) => page.locator(`table[data-table="${table}"] tbody tr`, { has: page.locator('td:nth-child(1)', { hasText: new RegExp(`^${key}$`) }) });
    const community = metric(nodes.find((n) => n.id === 'P5')!, 'community');
    await row('groups', 'it').click();
    await expect.poll(() => shown()).toBe(countText({ keep: (n) => dept(n) === 'it' }));
    await row('communities', String(community)).click();
    await expect.poll(() => page.locator('#range-list li').count()).toBe(1);
    const afterCommunity = await shown();
    await row('groups', 'sales').click();
    await expect.poll(() => (controls(page) as Promise<{ terms: string[] }>).then((c) => c.terms)).toEqual(['sales']);
    const afterGroup = await shown();
    await reset();
    expect({ afterCommunity, afterGroup }).toEqual({
      afterCommunity: countText({ keep: (n) => metric(n, 'community') === community }),
      afterGroup: countText({ keep: (n) => dept(n) === 'sales' }),
    });
  });

  /** The link and the controls of the view made in the next test, for the one after it. */
  let rangeView: { url: string; before: Record<string, unknown> } | null = null;
  const RANGE_INPUTS = ['rangeMetric', 'rangeMin', 'rangeMax'];
  const without = (c: Record<string, unknown>, keys: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(c).filter(([k]) => !keys.includes(k)));

  it('a URL restores size, a metric range, group terms and the giant component in a fresh page', async () => {
    await clean();
    await page.locator('#size-select').selectOption('betweenness');
    await setRange(page, 'strength', 3, 8);
    await page.locator('#terms-attr').selectOption('department');
    for (const d of ['sales', 'ops', 'hr']) await page.locator(`#terms input[value="${d}"]`).check();
    await page.locator('#giant-only').check();
    const want: Expect = { keep: (n) => metric(n, 'strength') >= 3 && metric(n, 'strength') <= 8 && dept(n) !== 'it', giant: true };
    // By hand: strength 3..8 and not it leaves P2 P3 P4 | P7 P8 P9 P10 | Q1 Q3; the largest part is P7–P10.
    expect([...expected(want).actors].sort()).toEqual(['P10', 'P7', 'P8', 'P9']);
    await expect.poll(() => shown()).toBe(countText(want));
    await page.locator('#copy-link').click();
    const url = await page.evaluate(() => location.href);
    const before = await controls(page);
    expect(before).toMatchObject({ size: 'betweenness', rangeMetric: 'strength', rangeMin: '3', rangeMax: '8', ranges: ['3 ≤ strength ≤ 8 '], termsAttr: 'department', giantOnly: true });
    expect([...(before.terms as string[])].sort()).toEqual(['hr', 'ops', 'sales']);
    rangeView = { url, before };

    const other = await openPage(fx.browser, errors);
    await other.goto(url);
    await other.waitForSelector('#map[data-nodes] canvas');
    await expect.poll(() => shown(other)).toBe(countText(want));
    // Every control but the range editor (next test): the range in force is the chip list's.
    expect(without(await controls(other), RANGE_INPUTS)).toEqual(without(before, RANGE_INPUTS));
    expect(await other.locator('#size-legend .legend-title').textContent()).toBe('size: betweenness');
    await other.close();
  });

  // The range editor opens on the metric the URL gives a range for (not on degree, empty).
  it('a URL with a metric range opens the range editor on that metric with its min and max', async () => {
    expect(rangeView).not.toBeNull();
    const other = await openPage(fx.browser, errors);
    await other.goto(rangeView!.url);
    await other.waitForSelector('#map[data-nodes] canvas');
    await expect.poll(() => other.locator('#range-list li').count()).toBe(1);
    const c = await controls(other);
    await other.close();
    expect({ rangeMetric: c.rangeMetric, rangeMin: c.rangeMin, rangeMax: c.rangeMax }).toEqual({ rangeMetric: 'strength', rangeMin: '3', rangeMax: '8' });
  });

  it('a URL restores strong ties only and the ego radius with its selection in a fresh page', async () => {
    await clean();
    await search(page, 'P5');
    await page.locator('#ego-radius').selectOption('2');
    await page.locator('#strong-only').check();
    const want: Expect = { ego: { node: 'P5', radius: 2 }, strongOnly: true };
    await expect.poll(() => shown()).toBe(countText(want));
    // Over strong ties only P5's two-step network is P5–P6 (its other ties are weak).
    expect([...expected(want).actors].sort()).toEqual(['P5', 'P6']);
    await page.locator('#copy-link').click();
    const url = await page.evaluate(() => location.href);
    const before = await controls(page);
    expect(before).toMatchObject({ strongOnly: true, egoRadius: '2', selected: 'P5' });

    const other = await openPage(fx.browser, errors);
    await other.goto(url);
    await other.locator('section.actor[data-actor="P5"]').waitFor();
    await expect.poll(() => shown(other)).toBe(countText(want));
    // No range is set: which metric the range editor offers is not part of the view.
    expect(without(await controls(other), RANGE_INPUTS)).toEqual(without(before, RANGE_INPUTS));
    await other.close();
    await reset();
  });

  it('the actor panel lists every attribute, the group, and every metric with the API’s value and percentile bar', async () => {
    await clean();
    /** A number as the panel writes it: integers whole, 4 significant digits, exponent below 1e-3 or from 1e6. */
    const written = (v: Value): string => {
      if (v === null) return '—';
      if (typeof v !== 'number') return String(v);
      if (Number.isInteger(v)) return String(v);
      if (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6) return v.toExponential(3);
      return String(Number(v.toPrecision(4)));
    };
    // P5 has every metric; Z1 has no tie, so some of its metrics and percentiles are null.
    for (const id of ['P5', 'Z1']) {
      const api = await get<Detail>(`/api/runs/${runId}/nodes/${id}`);
      await search(page, id);
      const panel = page.locator(`section.actor[data-actor="${id}"]`);

      const dl = await panel.locator('dl.attributes').evaluate((el) => [...el.children].map((c) => [c.tagName, c.textContent]));
      expect(api.groupAttribute).toBe('department');
      expect(dl).toEqual([
        ...Object.entries(api.attributes).flatMap(([k, v]) => [['DT', k], ['DD', v]]),
        ['DT', `group (${api.groupAttribute})`],
        ['DD', api.group],
      ]);
      expect(Object.keys(api.attributes).sort()).toEqual(['department', 'office']);

      const rows = await panel.locator('table.metrics tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const bar = tr.querySelector<HTMLElement>('.bar');
          const fill = tr.querySelector<HTMLElement>('.bar .fill');
          return {
            metric: tr.getAttribute('data-metric'),
            name: tr.querySelector('th')!.textContent,
            value: tr.querySelector('.metric-value')!.textContent,
            width: fill?.style.width ?? null,
            barName: bar?.getAttribute('aria-label') ?? null,
            barTitle: bar?.getAttribute('title') ?? null,
            drawn: fill && bar ? fill.getBoundingClientRect().width / bar.clientWidth : null,
            pct: tr.querySelector('.pct-text')!.textContent,
          };
        }),
      );
      const metrics = Object.keys(api.metrics).filter((m) => !ROLES.includes(m));
      expect(rows.map((r) => r.metric)).toEqual(metrics);
      for (const r of rows) {
        const m = r.metric!;
        const pct = api.percentiles[m];
        expect(r.name, m).toBe(m.replace(/_/g, ' '));
        expect(r.value, m).toBe(written(api.metrics[m]!));
        if (pct === null || pct === undefined) {
          expect(r.width, m).toBeNull();
          expect(r.pct, m).toBe('');
        } else {
          // Chromium keeps 6 significant digits of a style percentage.
          expect(r.width, m).toMatch(/^[\d.]+%$/);
          expect(Number.parseFloat(r.width!), m).toBeCloseTo(pct, 3);
          expect(r.drawn!, m).toBeCloseTo(pct / 100, 2);
          expect(r.pct, m).toBe(`${Math.round(pct)}%`);
          // The bar's name and tooltip say the same rounded share (not 13.333333333333334%).
          expect(r.barName, m).toBe(`${m.replace(/_/g, ' ')}: higher than ${Math.round(pct)}% of actors`);
          expect(r.barTitle, m).toBe(`higher than ${Math.round(pct)}% of actors`);
        }
      }
      if (id === 'Z1') {
        // Written out by hand for the isolate: no constraint at all, a vanishing eigenvector.
        expect(rows.find((r) => r.metric === 'constraint')).toMatchObject({ value: '—', width: null, pct: '' });
        expect(api.metrics.degree).toBe(0);
        expect(rows.find((r) => r.metric === 'degree')).toMatchObject({ value: '0', width: '0%' });
      } else {
        expect(rows.find((r) => r.metric === 'degree')!.value).toBe('3');
        expect(rows.filter((r) => r.width !== null).length).toBe(metrics.filter((m) => typeof api.percentiles[m] === 'number').length);
        // Some percentile of P5 is not a whole number, so the exact width and the rounded text differ.
        expect(metrics.some((m) => !Number.isInteger(api.percentiles[m]))).toBe(true);
      }
    }
  });

  // Adds a run to the workspace, so it runs last: `latest` names another run afterwards.
  it('a link copied from a view opened on `latest` names the run, and still shows it after a newer run', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const first = await ctx.newPage();
    first.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    first.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    await first.goto(fx.server.url);
    await first.waitForSelector('#map[data-nodes] canvas');
    expect(await first.locator('#run-select').inputValue()).toBe(runId);
    await first.locator('#copy-link').click();
    await expect.poll(() => first.locator('#status').textContent()).toBe('Link copied.');
    const link = await first.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await first.evaluate(() => location.href));
    expect(new URLSearchParams(new URL(link).hash.slice(1)).get('run')).toBe(runId);

    // A newer run of the same data set, grouped by office: `latest` now names it.
    const started = (await (await fetch(`${fx.server.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset: 'parts', group: 'office' }) })).json()) as { id: string };
    await expect.poll(async () => (await get<{ status: string }>(`/api/runs/${started.id}`)).status, { timeout: 60_000, interval: 200 }).toBe('done');
    expect((await get<{ id: string }>('/api/runs/latest')).id).toBe(started.id);

    const later = await ctx.newPage();
    await later.goto(link);
    await later.waitForSelector('#map[data-nodes] canvas');
    expect(await later.locator('#run-select').inputValue()).toBe(runId);
    await later.locator('.tabs [data-tab="groups"]').click();
    expect(await later.locator('table[data-table="groups"] thead th').first().textContent()).toBe('department');
    await ctx.close();
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
