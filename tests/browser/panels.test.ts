// The viewer's side panels in headless Chromium against the real server over a scored Krackhardt
// run: the broker leaderboard in the API's order (a row selects the actor, also after sorting),
// the what-if comparison against POST /whatif for the same actors, a table's CSV download against
// the table shown, the groups and communities tables against the API (each downloadable on its
// own), and no console errors.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerItem as Broker, ClusterList, ComponentStats as Stats, WhatIfResult as WhatIf } from '../../viewer/src/api.js';
import { formatValue } from '../../viewer/src/map-style.js';
import { KRACKHARDT } from '../server/harness.js';
import { buildViewer, openPage, parseCsv, startViewer, type ViewerFixture } from './viewer-harness.js';

/** The text of every cell of a table body, row by row. */
async function cells(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

describe('viewer panels in the browser', () => {
  let fx: ViewerFixture;
  let page: Page;
  const errors: string[] = [];
  const get = async <T>(path: string): Promise<T> => (await fetch(`${fx.server.url}${path}`)).json() as Promise<T>;

  beforeAll(async () => {
    fx = await startViewer(KRACKHARDT, 'krack', await buildViewer());
    page = await openPage(fx.browser, errors);
    await page.goto(fx.server.url);
    await page.waitForSelector('#count[data-nodes]');
  });
  afterAll(async () => {
    await fx?.close();
  });

  const tab = async (name: string): Promise<void> => {
    await page.locator(`.tabs [data-tab="${name}"]`).click();
    await expect.poll(() => page.locator(`.tabs [data-tab="${name}"]`).getAttribute('aria-selected')).toBe('true');
  };
  const brokerTable = (): Locator => page.locator('table[data-table="brokers"]');
  /** Clicks the CSV button of the table named `name`; the downloaded file's name and fields. */
  const downloadCsv = async (name: string): Promise<{ file: string; csv: string[][] }> => {
    const button = page.locator('.table-block', { has: page.locator(`table[data-table="${name}"]`) }).locator('button.table-csv');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return { file: download.suggestedFilename(), csv: parseCsv(readFileSync(await download.path(), 'utf8')) };
  };

  it('the broker leaderboard lists actors in the API order; a row selects that actor', async () => {
    const api = await get<{ total: number; items: Broker[] }>('/api/runs/latest/brokers?limit=50');
    expect(api.total).toBe(21);
    expect(api.items).toHaveLength(21);
    await tab('brokers');
    await brokerTable().waitFor();
    const shown = await cells(brokerTable());
    expect(shown.map((r) => r.slice(0, 5))).toEqual(api.items.map((b) => [String(b.rank), b.label, b.group ?? '—', formatValue(b.betweenness), formatValue(b.constraint)]));
    // The server's order: betweenness descending, then constraint ascending.
    for (let i = 1; i < api.items.length; i++) {
      const [a, b] = [api.items[i - 1]!, api.items[i]!];
      expect(a.betweenness! > b.betweenness! || (a.betweenness === b.betweenness && a.constraint! <= b.constraint!)).toBe(true);
    }

    // The third row: the actor panel opens on that actor with the leaderboard's betweenness.
    const third = api.items[2]!;
    await brokerTable().locator('tbody tr').nth(2).click();
    const panel = page.locator(`section.actor[data-actor="${third.id}"]`);
    await panel.waitFor();
    expect(await page.locator('.tabs [data-tab="actor"]').getAttribute('aria-selected')).toBe('true');
    expect(await panel.locator('h2').textContent()).toBe(third.label);
    expect(Number(await panel.locator('tr[data-metric="betweenness"]').getAttribute('data-value'))).toBe(third.betweenness);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`sel=${third.id}`);

    // Sorted by constraint (a numeric column sorts descending first, ascending on a second
    // click), the first row is the least constrained actor, and a click selects that one.
    await tab('brokers');
    const constraintHead = brokerTable().locator('thead th', { hasText: /^constraint$/ });
    await constraintHead.click();
    await constraintHead.click();
    // The server sorts: the rows arrive after the clicks (the board is busy until then).
    await page.locator('section.brokers:not([aria-busy])').waitFor();
    expect(await brokerTable().locator('thead th', { hasText: /^constraint$/ }).getAttribute('aria-sort')).toBe('ascending');
    const leastConstrained = [...api.items].sort((a, b) => a.constraint! - b.constraint!)[0]!;
    expect((await cells(brokerTable()))[0]![1]).toBe(leastConstrained.label);
    await brokerTable().locator('tbody tr').first().click();
    await page.locator(`section.actor[data-actor="${leastConstrained.id}"]`).waitFor();
  });

  it('a table’s CSV button downloads the rows of that table, in the order shown', async () => {
    await tab('brokers');
    const table = brokerTable();
    await table.waitFor();
    // Sort by betweenness ascending (two clicks) so the order shown differs from the server's.
    const head = table.locator('thead th', { hasText: /^betweenness$/ });
    await head.click();
    await head.click();
    await page.locator('section.brokers:not([aria-busy])').waitFor();
    expect(await head.getAttribute('aria-sort')).toBe('ascending');
    const shown = await cells(table);
    const headers = await table.locator('thead th').allTextContents();

    const { file, csv } = await downloadCsv('brokers');
    expect(file).toBe('socap-brokers.csv');
    expect(csv[0]).toEqual(headers);
    const body = csv.slice(1);
    expect(body).toHaveLength(21);
    const numeric = headers.map((_, ci) => body.every((r) => r[ci] === '' || Number.isFinite(Number(r[ci]))));
    expect(body.map((r) => r.map((v, ci) => (v === '' ? '—' : formatValue(numeric[ci] ? Number(v) : v))))).toEqual(shown);
    // The raw values are the API's, unrounded.
    const api = await get<{ items: Broker[] }>('/api/runs/latest/brokers?limit=50');
    const bw = new Map(api.items.map((b) => [b.label, b.betweenness]));
    for (const r of body) expect(Number(r[3])).toBe(bw.get(r[1]!));
  });

  it('the what-if panel shows the fragmentation before and after that POST /whatif reports', async () => {
    // Removing every neighbour of the least connected actor cuts it off: a real change.
    const edges = (await get<{ items: { source: string; target: string }[] }>('/api/runs/latest/edges?limit=1000')).items;
    const nbrs = new Map<string, Set<string>>();
    for (const e of edges) {
      if (!nbrs.has(e.source)) nbrs.set(e.source, new Set());
      if (!nbrs.has(e.target)) nbrs.set(e.target, new Set());
      nbrs.get(e.source)!.add(e.target);
      nbrs.get(e.target)!.add(e.source);
    }
    const [lonely, around] = [...nbrs].sort((a, b) => a[1].size - b[1].size || (a[0] < b[0] ? -1 : 1))[0]!;
    const remove = [...around].sort();
    const res = await fetch(`${fx.server.url}/api/runs/latest/whatif`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ remove }) });
    expect(res.status).toBe(200);
    const api = (await res.json()) as WhatIf;
    expect(api.before.fragmentation).toBe(0);
    expect(api.after.fragmentation).toBeGreaterThan(0);
    expect(api.splitOff.some((p) => p.members.includes(lonely))).toBe(true);

    for (const id of remove) {
      await page.locator('#search').fill(id);
      await expect.poll(() => page.locator('#suggestions li').first().textContent()).toBe(id);
      await page.locator('#search').press('Enter');
      await page.locator(`section.actor[data-actor="${id}"]`).waitFor();
      await page.locator(`section.actor[data-actor="${id}"] button`, { hasText: 'What if they left?' }).click();
      await page.locator('section.whatif').waitFor();
    }
    expect(await page.locator('section.whatif ul.picked li').evaluateAll((lis) => lis.map((li) => li.firstChild?.textContent ?? ''))).toEqual(remove);
    await page.locator('#whatif-run').click();
    const result = page.locator('#whatif-result');
    await result.waitFor();
    const rows = await result.locator('table.metrics tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const row = (name: string, k: keyof Stats): string[] => [name, formatValue(api.before[k]), formatValue(api.after[k])];
    expect(rows).toEqual([row('actors', 'actors'), row('components', 'components'), row('largest component', 'largestComponent'), row('fragmentation', 'fragmentation')]);
    expect(await result.locator('p').first().textContent()).toMatch(new RegExp(`^${api.pairsDisconnected} pairs of remaining actors lose every path`));
    expect(await result.locator('h3').textContent()).toBe(`Split-off pieces (${api.splitOff.length}), in red on the map`);
  });

  it('the groups and communities tables list the API groups and communities with their sizes', async () => {
    const groups = await get<ClusterList>('/api/runs/latest/groups?top=3');
    const communities = await get<ClusterList>('/api/runs/latest/communities?top=3');
    expect(groups.attribute).toBe('department');
    expect(groups.items.reduce((s, g) => s + g.size, 0)).toBe(21);
    expect(communities.items.reduce((s, c) => s + c.size, 0)).toBe(21);
    await tab('groups');
    for (const [name, list] of [['groups', groups], ['communities', communities]] as const) {
      const table = page.locator(`table[data-table="${name}"]`);
      await table.waitFor();
      const shown = await cells(table);
      expect(shown.map((r) => r.slice(0, 4))).toEqual(list.items.map((c) => [c.key ?? '(none)', String(c.size), String(c.internalTies), String(c.externalTies)]));
      // Cohesion and who holds the outside ties ("A07 (14), ..."), row by row as the API gives them.
      const heads = await table.locator('thead th').allTextContents();
      const cohesionAt = heads.indexOf('cohesion');
      const holdersAt = heads.indexOf('holds the outside ties');
      expect(cohesionAt).toBeGreaterThan(0);
      expect(holdersAt).toBeGreaterThan(0);
      expect(shown.map((r) => r[cohesionAt])).toEqual(list.items.map((c) => formatValue(c.cohesion)));
      expect(list.items.every((c) => c.cohesion !== null && c.outsideHolders.length > 0 && c.outsideHolders.length <= 3)).toBe(true);
      expect(shown.map((r) => r[holdersAt])).toEqual(list.items.map((c) => c.outsideHolders.map((m) => `${m.label} (${m.outsideTies})`).join(', ')));
      // The cohesion and holders columns stay in view (not scrolled out of the table's box) at 1280×800.
      const fit = await table.evaluate((t) => {
        const block = t.closest('.table-block')!.getBoundingClientRect();
        return [5, 6].map((n) => {
          const cell = t.querySelector(`tbody tr td:nth-child(${n})`)!.getBoundingClientRect();
          return cell.width > 0 && cell.left >= block.left - 1 && cell.right <= block.right + 1;
        });
      });
      expect(heads.slice(4, 6)).toEqual(['cohesion', 'holds the outside ties']);
      expect(fit).toEqual([true, true]);
    }
    // Department 2's holders, counted from edges.csv (distinct pairs over the three relations).
    expect((await cells(page.locator('table[data-table="groups"]')))[0]![5]).toBe('A15 (13), A03 (12), A09 (12)');
    // Each holder stays on one line: the cell wraps only between holders.
    const items = await page.locator('table[data-table="groups"] tbody tr').first().locator('td').nth(5).locator('span').evaluateAll((spans) => spans.map((sp) => [sp.textContent, sp.getClientRects().length]));
    expect(items).toEqual([['A15 (13)', 1], ['A03 (12)', 1], ['A09 (12)', 1]]);
    expect(await page.locator('table[data-table="groups"] thead th').first().textContent()).toBe('department');
  });

  it('the groups tab exports each of its two tables on its own', async () => {
    const groups = await get<ClusterList>('/api/runs/latest/groups?top=3');
    const communities = await get<ClusterList>('/api/runs/latest/communities?top=3');
    // Different row counts, so a download of the wrong table cannot pass for the right one.
    expect(groups.items.length).not.toBe(communities.items.length);
    await tab('groups');
    for (const [name, list] of [['groups', groups], ['communities', communities]] as const) {
      const table = page.locator(`table[data-table="${name}"]`);
      await table.waitFor();
      const { file, csv } = await downloadCsv(name);
      expect(file).toBe(`socap-${name}.csv`);
      expect(csv[0]).toEqual(await table.locator('thead th').allTextContents());
      expect(csv[0]).toEqual([list.attribute ?? 'key', 'actors', 'ties in', 'ties out', 'cohesion', 'holds the outside ties', `top by ${list.rankedBy ?? 'score'}`]);
      expect(csv.slice(1)).toHaveLength(list.items.length);
      expect(csv.slice(1).map((r) => [r[0], Number(r[1])])).toEqual(list.items.map((c) => [c.key ?? '(none)', c.size]));
    }
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
