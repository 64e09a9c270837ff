// The actor panel in headless Chromium against the real server over the small dated organization of
// cooling-org.ts (departments as groups, timestamped emails, so the run has Gould–Fernandez roles and
// cooling ties). Ana Alves (A, sales) is picked with the search box; the panel is checked against
// GET /api/runs/latest/nodes/A of the same server: the role counts, the strongest ties in the API's
// order (strongest first) with every strength component, the cooling ties, and the ego-view and
// what-if buttons.
//
// A's roles by hand: every tie carries emails both ways, A's neighbours B (sales), C (ops), E (it)
// and G (ops) have no tie among themselves, so each of the 12 ordered pairs (u, w) of neighbours is
// a brokered path u→A→w: coordinator 0 (no other sales neighbour pair), itinerant 2 (C→G, G→C),
// gatekeeper 3 (C, E, G → B), representative 3 (B → C, E, G), liaison 4 (C↔E, E↔G).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDetail, TieItem } from '../../viewer/src/api.js';
import { formatValue } from '../../viewer/src/map-style.js';
import { ROLE_COLUMNS } from '../../viewer/src/panels/actor-panel.js';
import { COOLING_WORST_FIRST, PEOPLE, TIES, writeCoolingOrg } from './cooling-org.js';
import { buildViewer, openPage, parseCsv, startViewer, type ViewerFixture } from './viewer-harness.js';

const ACTOR = 'A';
/** The tie columns the panel shows, in its order (actor-panel.ts TIE_COMPONENTS, those the run has). */
const COMPONENTS = ['strength', 'frequency', 'recency', 'reciprocity', 'multiplexity', 'duration', 'overlap'];

describe('actor panel in the browser', () => {
  let fx: ViewerFixture;
  let page: Page;
  let orgDir: string;
  const errors: string[] = [];
  let api: NodeDetail;
  let panel: Locator;

  beforeAll(async () => {
    orgDir = mkdtempSync(join(tmpdir(), 'socap-actor-org-'));
    writeCoolingOrg(orgDir);
    fx = await startViewer(orgDir, 'cool', await buildViewer());
    api = (await (await fetch(`${fx.server.url}/api/runs/latest/nodes/${ACTOR}`)).json()) as NodeDetail;
    page = await openPage(fx.browser, errors);
    await page.goto(fx.server.url);
    await page.waitForSelector('#count[data-nodes]');
    panel = page.locator(`section.actor[data-actor="${ACTOR}"]`);
  });
  afterAll(async () => {
    await fx?.close();
    if (orgDir) rmSync(orgDir, { recursive: true, force: true });
  });

  const count = async (): Promise<number> => Number(await page.locator('#count').getAttribute('data-nodes'));
  /** The cells of a table's body rows, as shown. */
  const cells = (table: Locator): Promise<string[][]> => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  /** The rows the panel should show for `ties`: the other actor's label, then each component. */
  const rowsOf = (ties: TieItem[]): string[][] => ties.map((t) => [t.label, ...COMPONENTS.map((c) => formatValue(typeof t[c] === 'number' ? t[c] : null))]);
  const pair = (a: string, b: string): string => [a, b].sort().join('–');

  it('search opens the actor’s panel', async () => {
    await page.locator('#search').fill('Ana');
    await expect.poll(() => page.locator('#suggestions li').first().textContent()).toBe(`${PEOPLE[ACTOR]!.label} (${ACTOR})`);
    await page.locator('#search').press('Enter');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe(`${api.label} (${ACTOR})`);
  });

  it('shows the Gould–Fernandez role counts of the API (and of the hand count)', async () => {
    expect(api.groupAttribute).toBe('department');
    expect(api.group).toBe('sales');
    expect(ROLE_COLUMNS.map((r) => api.metrics[r])).toEqual([0, 2, 3, 3, 4]);
    expect(await panel.locator('h3', { hasText: 'Brokerage roles (Gould–Fernandez)' }).count()).toBe(1);
    const shown = await panel.locator('ul.roles li').evaluateAll((lis) => lis.map((li) => [li.querySelector('strong')!.textContent, li.textContent]));
    expect(shown).toEqual(ROLE_COLUMNS.map((r) => [formatValue(api.metrics[r]), `${formatValue(api.metrics[r])} ${r}`]));
    // The roles are listed once, not again among the metrics.
    for (const r of ROLE_COLUMNS) expect(await panel.locator(`table.metrics tr[data-metric="${r}"]`).count()).toBe(0);
  });

  it('lists the strongest ties in the API’s order with their strength components', async () => {
    // A's ties are those of cooling-org.ts, strongest first as the API promises.
    expect(api.ties.map((t) => pair(ACTOR, t.other)).sort()).toEqual(TIES.filter(([a, b]) => a === ACTOR || b === ACTOR).map(([a, b]) => pair(a, b)).sort());
    const strengths = api.ties.map((t) => t.strength as number);
    expect(strengths).toEqual([...strengths].sort((x, y) => y - x));
    expect(api.ties.map((t) => t.other)).toEqual(['G', 'E', 'C', 'B']);

    expect(await panel.locator('h3', { hasText: 'Strongest ties' }).textContent()).toBe(`Strongest ties (${api.ties.length} of ${api.ties.length})`);
    const table = panel.locator('table[data-table="ties"]');
    expect(await table.locator('thead th').allTextContents()).toEqual(['tie to', ...COMPONENTS]);
    expect(await cells(table)).toEqual(rowsOf(api.ties));
    // Every component the panel shows is a number of the API here, except multiplexity (one relation type).
    for (const t of api.ties) for (const c of COMPONENTS) expect(typeof t[c], `${t.other} ${c}`).toBe(c === 'multiplexity' ? 'object' : 'number');
  });

  it('lists as cooling exactly the ties the API marks cooling', async () => {
    const cooling = api.ties.filter((t) => t.cooling === true);
    expect(api.ties.every((t) => typeof t.cooling === 'boolean')).toBe(true);
    // The API agrees with the hand-computed verdicts of cooling-org.ts: A–B and A–E cool, A–C and A–G do not.
    expect(cooling.map((t) => pair(ACTOR, t.other)).sort()).toEqual(COOLING_WORST_FIRST.filter((p) => p.includes(ACTOR)).map(([a, b]) => pair(a, b)).sort());
    const table = panel.locator('table[data-table="cooling-ties"]');
    expect(await table.locator('thead th').allTextContents()).toEqual(['tie to', ...COMPONENTS]);
    expect(await cells(table)).toEqual(rowsOf(cooling));
  });

  it('the ties and cooling-ties CSV buttons each download their own table, in the order shown, unrounded', async () => {
    /** Clicks the CSV button of the panel's table `name`; the file's name and fields. */
    const download = async (name: string): Promise<{ file: string; csv: string[][] }> => {
      const button = panel.locator('.table-block', { has: page.locator(`table[data-table="${name}"]`) }).locator('button.table-csv');
      const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
      return { file: d.suggestedFilename(), csv: parseCsv(readFileSync(await d.path(), 'utf8')) };
    };
    /** The CSV rows `ties` should give: the label, then each component's raw value ('' for none). */
    const rawOf = (ties: TieItem[]): string[][] => ties.map((t) => [t.label, ...COMPONENTS.map((c) => (typeof t[c] === 'number' ? String(t[c]) : ''))]);
    /** A CSV row as the table shows it. */
    const shownOf = (row: string[]): string[] => row.map((v, ci) => (ci === 0 ? v : formatValue(v === '' ? null : Number(v))));
    const cooling = api.ties.filter((t) => t.cooling === true);
    // Two tables of different lengths, so the download of one cannot pass for the other.
    expect([api.ties.length, cooling.length]).toEqual([4, 2]);

    // The ties table sorted by the other actor's name (ascending): the reverse of the API's order.
    const ties = panel.locator('table[data-table="ties"]');
    await ties.locator('thead th', { hasText: /^tie to$/ }).click();
    expect(await ties.locator('thead th').first().getAttribute('aria-sort')).toBe('ascending');
    const byName = [...api.ties].sort((a, b) => (a.label < b.label ? -1 : 1));
    expect(byName.map((t) => t.other)).toEqual(['B', 'C', 'E', 'G']);
    expect(await cells(ties)).toEqual(rowsOf(byName));

    for (const [name, list] of [['ties', byName], ['cooling-ties', cooling]] as const) {
      const table = panel.locator(`table[data-table="${name}"]`);
      const { file, csv } = await download(name);
      expect(file).toBe(`socap-${name}-${ACTOR}.csv`);
      expect(csv[0]).toEqual(await table.locator('thead th').allTextContents());
      expect(csv[0]).toEqual(['tie to', ...COMPONENTS]);
      const body = csv.slice(1);
      expect(body.map(shownOf)).toEqual(await cells(table));
      expect(body).toEqual(rawOf(list));
      // The file holds values the table rounds: the comparison above is with unrounded values.
      expect(body.some((r) => r.slice(1).some((v) => v !== '' && v !== formatValue(Number(v)))), name).toBe(true);
    }
  });

  it('the ego button turns the ego filter on; the what-if button adds the actor to the what-if list', async () => {
    expect(await count()).toBe(8);
    await panel.getByRole('button', { name: 'Ego network', exact: true }).click();
    // A and its four neighbours.
    await expect.poll(count).toBe(api.ties.length + 1);
    expect(api.ties.length + 1).toBe(5);
    expect(await page.locator('#ego-radius').inputValue()).toBe('1');
    await page.locator('#ego-radius').selectOption('0');
    await expect.poll(count).toBe(8);

    await page.locator(`section.actor[data-actor="${ACTOR}"]`).getByRole('button', { name: 'What if they left?' }).click();
    await expect.poll(() => page.locator('.tabs [data-tab="whatif"]').getAttribute('aria-selected')).toBe('true');
    const picked = page.locator('section.whatif ul.picked li');
    expect(await picked.allTextContents()).toEqual([`${PEOPLE[ACTOR]!.label} ×`]);
    expect(await picked.locator('button').getAttribute('aria-label')).toBe(`remove ${PEOPLE[ACTOR]!.label} from the list`);
    expect(await page.locator('#whatif-run').isDisabled()).toBe(false);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
