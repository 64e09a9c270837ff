// The broker leaderboard in headless Chromium against the real server, over one workspace of three
// runs: Krackhardt's managers (group attribute `department`), Krackhardt scored with four metrics
// only (no group attribute, no roles, no social capital), and a generated organization of 300
// actors in three departments (seed 7), where a department holds more actors than the 50 shown.
// The group select lists the groups of GET /groups with their sizes; a group shows exactly the rows
// of GET /brokers?group=; a header click or Enter/Space asks GET /nodes?sort=&order=&limit=50&group=
// and shows exactly its rows (ids in order, every value as the API's formatted value, the role
// counts included); sorting covers the whole group, not only the rows shown; the CSV holds the rows
// shown with the API's raw values; a sorted row selects its actor; the board is kept when the tab
// is left; a run without a group attribute has no group select and no columns it lacks.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../datasets/generate-org.js';
import type { NodeMetric } from '../../engine/run/options.js';
import type { BrokerItem, ClusterList, NodeItem, RunRecord, ScoreValue } from '../../viewer/src/api.js';
import { formatValue } from '../../viewer/src/map-style.js';
import { KRACKHARDT, removeWorkspace } from '../server/harness.js';
import { buildViewer, openPage, parseCsv, scoredRuns, serveViewer, type ViewerFixture } from './viewer-harness.js';

/** The leaderboard's metric columns, in its order. */
const METRICS = ['betweenness', 'constraint', 'effective_size', 'social_capital', 'coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'];
const ROLES = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'];
const PAGE = 50;
const LIMITED: NodeMetric[] = ['degree', 'betweenness', 'constraint', 'effective_size'];

interface Row {
  label: string;
  group: string | null;
  metrics: Record<string, ScoreValue>;
}

/** The table's cells as the viewer should show `rows` (position, actor, group, metrics). */
function shownAs(rows: Row[], metrics: string[], withGroup = true): string[][] {
  return rows.map((r, k) => [String(k + 1), r.label, ...(withGroup ? [formatValue(r.group)] : []), ...metrics.map((m) => formatValue(r.metrics[m]))]);
}

const fromNodes = (items: NodeItem[]): Row[] => items.map((n) => ({ label: n.label, group: n.attributes.department ?? null, metrics: n.metrics }));

describe('the broker leaderboard', () => {
  let fx: ViewerFixture;
  let orgDir = '';
  const runs = { krack: '', limited: '', org: '' };
  const errors: string[] = [];
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(`${fx.server.url}${path}`);
    expect(r.status, path).toBe(200);
    return (await r.json()) as T;
  };

  beforeAll(async () => {
    orgDir = mkdtempSync(join(tmpdir(), 'socap-broker-org-'));
    expect((await generateOrg({ nodes: 300, seed: 7, out: orgDir })).nodes).toBe(300);
    const workspace = await scoredRuns([
      { input: KRACKHARDT, dataset: 'krack' },
      { input: KRACKHARDT, dataset: 'krack', options: { metrics: LIMITED } },
      { input: orgDir, dataset: 'org' },
    ]);
    fx = await serveViewer(workspace, await buildViewer());
    const { items } = await get<{ items: RunRecord[] }>('/api/runs');
    const krack = items.filter((r) => r.dataset === 'krack');
    runs.krack = krack.find((r) => r.parameters.group === 'department')!.id;
    runs.limited = krack.find((r) => r.parameters.group === null)!.id;
    runs.org = items.find((r) => r.dataset === 'org')!.id;
  }, 300_000);
  afterAll(async () => {
    await fx?.close();
    if (orgDir) removeWorkspace(orgDir);
  });

  /** A page on run `id` with the brokers tab open; every API request it makes lands in `requests`. */
  const open = async (id: string): Promise<{ page: Page; requests: URL[] }> => {
    const page = await openPage(fx.browser, errors);
    const requests: URL[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/runs/')) requests.push(u);
    });
    await page.goto(`${fx.server.url}/#run=${id}`);
    await page.waitForSelector('#count[data-nodes]');
    await tab(page, 'brokers');
    await table(page).waitFor();
    return { page, requests };
  };
  const tab = async (page: Page, name: string): Promise<void> => {
    await page.locator(`.tabs [data-tab="${name}"]`).click();
    await expect.poll(() => page.locator(`.tabs [data-tab="${name}"]`).getAttribute('aria-selected')).toBe('true');
  };
  const table = (page: Page): Locator => page.locator('table[data-table="brokers"]');
  const header = (page: Page, label: string): Locator => table(page).locator('thead th', { hasText: new RegExp(`^${label}$`) });
  const cells = (page: Page): Promise<string[][]> =>
    table(page).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const summary = (page: Page): Promise<string> => page.locator('section.brokers > p.muted').innerText();
  /** The query of the last request to `path` (…/brokers or …/nodes) of run `id`. */
  const lastQuery = (requests: URL[], id: string, path: string): Record<string, string> => {
    const hits = requests.filter((u) => u.pathname === `/api/runs/${id}/${path}`);
    expect(hits.length, `no request to ${path}`).toBeGreaterThan(0);
    return Object.fromEntries(hits.at(-1)!.searchParams);
  };

  it('lists the groups of the run with their sizes, under the group attribute name', async () => {
    const { page } = await open(runs.krack);
    const groups = await get<ClusterList>(`/api/runs/${runs.krack}/groups?top=0`);
    expect(groups.attribute).toBe('department');
    expect(groups.items.map((g) => g.size).reduce((a, b) => a + b, 0)).toBe(21);
    const select = page.locator('#broker-group');
    expect(await page.locator('label.broker-group').evaluate((l) => l.firstChild?.textContent)).toBe('department ');
    expect(await page.getByRole('combobox', { name: /^department/ }).count()).toBe(1);
    expect(await select.locator('option').allTextContents()).toEqual(['All groups (21)', ...groups.items.map((g) => `${g.key} (${g.size})`)]);
    expect(await select.inputValue()).toBe('');
    // With every group: the run's broker ranking, each metric of the run as the API gives it.
    const all = await get<{ total: number; items: BrokerItem[] }>(`/api/runs/${runs.krack}/brokers?limit=${PAGE}`);
    expect(all.total).toBe(21);
    expect(await table(page).locator('thead th').allTextContents()).toEqual(['#', 'actor', 'group', ...METRICS.map((m) => m.replace(/_/g, ' '))]);
    expect(await cells(page)).toEqual(shownAs(all.items, METRICS));
    expect(await summary(page)).toBe('Top 21 of 21 by betweenness, then lowest constraint.');
    await page.close();
  });

  it('a group shows the rows of GET /brokers?group=; headers sort the group through GET /nodes', async () => {
    const { page, requests } = await open(runs.krack);
    const groups = await get<ClusterList>(`/api/runs/${runs.krack}/groups?top=0`);
    const group = groups.items[0]!; // the largest department
    expect(group.size).toBeGreaterThan(3);
    await page.locator('#broker-group').selectOption({ label: `${group.key} (${group.size})` });
    const ranked = await get<{ total: number; items: BrokerItem[] }>(`/api/runs/${runs.krack}/brokers?limit=${PAGE}&group=${group.key}`);
    expect(ranked.total).toBe(group.size);
    expect(ranked.items.every((b) => b.group === group.key)).toBe(true);
    await expect.poll(() => cells(page)).toEqual(shownAs(ranked.items, METRICS));
    expect(lastQuery(requests, runs.krack, 'brokers')).toEqual({ limit: String(PAGE), group: group.key });
    expect(await summary(page)).toBe(`Top ${group.size} of ${group.size} in department ${group.key} by betweenness, then lowest constraint.`);
    expect(await header(page, '#').getAttribute('aria-sort')).toBe('ascending');

    const nodes = (sort: string, order: string): Promise<{ total: number; items: NodeItem[] }> =>
      get(`/api/runs/${runs.krack}/nodes?sort=${sort}&order=${order}&limit=${PAGE}&group=${group.key}`);
    /** Clicks the header until it sorts as asked; the rows must then be the API's. */
    const sortBy = async (metric: string, order: 'asc' | 'desc'): Promise<NodeItem[]> => {
      const label = metric.replace(/_/g, ' ');
      for (const want of order === 'asc' ? ['descending', 'ascending'] : ['descending']) {
        await header(page, label).click();
        await expect.poll(() => header(page, label).getAttribute('aria-sort')).toBe(want);
      }
      const api = await nodes(metric, order);
      expect(api.total).toBe(group.size);
      await expect.poll(() => cells(page)).toEqual(shownAs(fromNodes(api.items), METRICS));
      expect(lastQuery(requests, runs.krack, 'nodes')).toEqual({ sort: metric, order, limit: String(PAGE), offset: '0', group: group.key });
      expect(await summary(page)).toBe(`Top ${group.size} of ${group.size} in department ${group.key} by ${label}, ${order === 'asc' ? 'lowest' : 'highest'} first (no value: last).`);
      return api.items;
    };

    // Each sort's order differs from the broker ranking, so a board left in that order fails.
    const byConstraint = await sortBy('constraint', 'asc');
    expect(byConstraint.map((n) => n.id)).not.toEqual(ranked.items.map((b) => b.id));
    const byEffectiveSize = await sortBy('effective_size', 'desc');
    expect(byEffectiveSize.map((n) => n.id)).not.toEqual(byConstraint.map((n) => n.id));
    const byLiaison = await sortBy('liaison', 'desc');
    expect(byLiaison.map((n) => n.id)).not.toEqual(byEffectiveSize.map((n) => n.id));
    // The role columns are the API's counts, row by row (whole numbers, shown as they are).
    const roleCells = (await cells(page)).map((r) => r.slice(3 + METRICS.indexOf('coordinator')));
    expect(roleCells).toEqual(byLiaison.map((n) => ROLES.map((r) => String(n.metrics[r]))));
    expect(byLiaison.some((n) => ROLES.some((r) => (n.metrics[r] as number) > 0))).toBe(true);

    // The CSV holds the rows shown, with the API's values unrounded.
    const button = page.locator('.table-block', { has: table(page) }).locator('button.table-csv');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    expect(csv[0]).toEqual(await table(page).locator('thead th').allTextContents());
    expect(csv.slice(1)).toEqual(byLiaison.map((n, k) => [String(k + 1), n.label, group.key!, ...METRICS.map((m) => (n.metrics[m] === null ? '' : String(n.metrics[m])))]));

    // The # header brings back the broker ranking of the group.
    await header(page, '#').click();
    await expect.poll(() => cells(page)).toEqual(shownAs(ranked.items, METRICS));
    expect(await header(page, '#').getAttribute('aria-sort')).toBe('ascending');
    await page.close();
  });

  it('Enter and Space on a header sort from the keyboard, and the focus stays on that header', async () => {
    const { page, requests } = await open(runs.krack);
    const th = header(page, 'gatekeeper');
    await th.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header(page, 'gatekeeper').getAttribute('aria-sort')).toBe('descending');
    const desc = await get<{ items: NodeItem[] }>(`/api/runs/${runs.krack}/nodes?sort=gatekeeper&order=desc&limit=${PAGE}`);
    await expect.poll(() => cells(page)).toEqual(shownAs(fromNodes(desc.items), METRICS));
    expect(lastQuery(requests, runs.krack, 'nodes')).toEqual({ sort: 'gatekeeper', order: 'desc', limit: String(PAGE), offset: '0' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('gatekeeper');
    await page.keyboard.press(' ');
    await expect.poll(() => header(page, 'gatekeeper').getAttribute('aria-sort')).toBe('ascending');
    const asc = await get<{ items: NodeItem[] }>(`/api/runs/${runs.krack}/nodes?sort=gatekeeper&order=asc&limit=${PAGE}`);
    expect(asc.items.map((n) => n.id)).not.toEqual(desc.items.map((n) => n.id));
    await expect.poll(() => cells(page)).toEqual(shownAs(fromNodes(asc.items), METRICS));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('gatekeeper');
    // The group column has no server sort: it is not a sort control.
    expect(await header(page, 'group').getAttribute('tabindex')).toBeNull();
    expect(await header(page, 'group').getAttribute('aria-sort')).toBeNull();
    await page.close();
  });

  it('a row of a sorted group selects its actor; the board is kept when the tab comes back', async () => {
    const { page } = await open(runs.krack);
    const groups = await get<ClusterList>(`/api/runs/${runs.krack}/groups?top=0`);
    const group = groups.items[1]!;
    await page.locator('#broker-group').selectOption({ label: `${group.key} (${group.size})` });
    await header(page, 'constraint').click();
    await header(page, 'constraint').click();
    const api = await get<{ items: NodeItem[] }>(`/api/runs/${runs.krack}/nodes?sort=constraint&order=asc&limit=${PAGE}&group=${group.key}`);
    await expect.poll(() => cells(page)).toEqual(shownAs(fromNodes(api.items), METRICS));
    const second = api.items[1]!;
    await table(page).locator('tbody tr').nth(1).click();
    const panel = page.locator(`section.actor[data-actor="${second.id}"]`);
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe(second.label);
    expect(Number(await panel.locator('tr[data-metric="constraint"]').getAttribute('data-value'))).toBe(second.metrics.constraint);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`sel=${second.id}`);

    await tab(page, 'brokers');
    await table(page).waitFor();
    expect(await page.locator('#broker-group').inputValue()).toBe(group.key);
    expect(await header(page, 'constraint').getAttribute('aria-sort')).toBe('ascending');
    expect(await cells(page)).toEqual(shownAs(fromNodes(api.items), METRICS));
    // All groups again: the whole run, still by constraint.
    await page.locator('#broker-group').selectOption({ index: 0 });
    const whole = await get<{ items: NodeItem[] }>(`/api/runs/${runs.krack}/nodes?sort=constraint&order=asc&limit=${PAGE}`);
    await expect.poll(() => cells(page)).toEqual(shownAs(fromNodes(whole.items), METRICS));
    expect(await summary(page)).toBe('Top 21 of 21 by constraint, lowest first (no value: last).');
    await page.close();
  });

  it('sorting covers the whole group, not only the 50 rows shown', async () => {
    const { page, requests } = await open(runs.org);
    const groups = await get<ClusterList>(`/api/runs/${runs.org}/groups?top=0`);
    const group = groups.items[0]!;
    expect(group.size).toBeGreaterThan(PAGE);
    expect(await page.locator('#broker-group option').first().textContent()).toBe('All groups (300)');
    await page.locator('#broker-group').selectOption({ label: `${group.key} (${group.size})` });
    const ranked = await get<{ total: number; items: BrokerItem[] }>(`/api/runs/${runs.org}/brokers?limit=${PAGE}&group=${group.key}`);
    await expect.poll(() => cells(page)).toEqual(shownAs(ranked.items, METRICS));
    expect(await summary(page)).toBe(`Top ${PAGE} of ${group.size} in department ${group.key} by betweenness, then lowest constraint.`);

    await header(page, 'constraint').click();
    await header(page, 'constraint').click();
    const api = await get<{ total: number; items: NodeItem[] }>(`/api/runs/${runs.org}/nodes?sort=constraint&order=asc&limit=${PAGE}&group=${group.key}`);
    expect(api.total).toBe(group.size);
    await expect.poll(() => cells(page)).toEqual(shownAs(fromNodes(api.items), METRICS));
    expect(lastQuery(requests, runs.org, 'nodes')).toEqual({ sort: 'constraint', order: 'asc', limit: String(PAGE), offset: '0', group: group.key! });
    expect(await summary(page)).toBe(`Top ${PAGE} of ${group.size} in department ${group.key} by constraint, lowest first (no value: last).`);
    // Some of the least constrained are not among the top brokers: a sort of the 50 brokers
    // shown could not have listed them.
    const brokers = new Set(ranked.items.map((b) => b.id));
    expect(api.items.filter((n) => !brokers.has(n.id)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('a run without a group attribute has no group select and only the columns it has', async () => {
    const { page, requests } = await open(runs.limited);
    const all = await get<{ items: BrokerItem[] }>(`/api/runs/${runs.limited}/brokers?limit=${PAGE}`);
    const present = METRICS.filter((m) => m in all.items[0]!.metrics);
    expect(present).toEqual(['betweenness', 'constraint', 'effective_size']);
    expect(await page.locator('#broker-group').count()).toBe(0);
    expect(await table(page).locator('thead th').allTextContents()).toEqual(['#', 'actor', 'betweenness', 'constraint', 'effective size']);
    expect(await cells(page)).toEqual(shownAs(all.items, present, false));
    await header(page, 'effective size').click();
    const api = await get<{ items: NodeItem[] }>(`/api/runs/${runs.limited}/nodes?sort=effective_size&order=desc&limit=${PAGE}`);
    await expect.poll(() => cells(page)).toEqual(shownAs(fromNodes(api.items), present, false));
    expect(lastQuery(requests, runs.limited, 'nodes')).toEqual({ sort: 'effective_size', order: 'desc', limit: String(PAGE), offset: '0' });
    await page.close();
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
