// The run picker, the run panel and the relationship-health panel in headless Chromium against the
// real server over one workspace with three runs: Krackhardt's managers scored twice (inverse and
// hop distances) and a small dated organization (cooling-org.ts) whose cooling ties and their rank
// are known by hand. The picker lists data sets and runs as GET /api/runs does; the run panel shows
// GET /api/runs/:id; picking another run reloads the map and the URL; the health panel lists the
// cooling ties of GET /api/runs/:id/health, worst first.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeItem, EdgeList, RunRecord } from '../../viewer/src/api.js';
import { formatNumber, formatValue } from '../../viewer/src/map-style.js';
import { KRACKHARDT } from '../server/harness.js';
import { COOLING_WORST_FIRST, PEOPLE, writeCoolingOrg } from './cooling-org.js';
import { buildViewer, openPage, scoredRuns, serveViewer, type ViewerFixture } from './viewer-harness.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

describe('run picker, run panel and relationship health in the browser', () => {
  let fx: ViewerFixture;
  let page: Page;
  let orgDir: string;
  const errors: string[] = [];
  let runs: RunRecord[] = [];
  const get = async <T>(path: string): Promise<T> => (await fetch(`${fx.server.url}${path}`)).json() as Promise<T>;
  const runOf = (dataset: string, distance: string): RunRecord => runs.find((r) => r.dataset === dataset && r.parameters.distance === distance)!;

  beforeAll(async () => {
    orgDir = mkdtempSync(join(tmpdir(), 'socap-cooling-org-'));
    writeCoolingOrg(orgDir);
    const viewer = await buildViewer();
    const workspace = await scoredRuns([
      { input: KRACKHARDT, dataset: 'krack' },
      { input: orgDir, dataset: 'cool' },
      { input: KRACKHARDT, dataset: 'krack', options: { distance: 'hops' } },
    ]);
    fx = await serveViewer(workspace, viewer);
    runs = (await get<{ items: RunRecord[] }>('/api/runs')).items;
    page = await openPage(fx.browser, errors);
    await page.goto(fx.server.url);
    await page.waitForSelector('#count[data-nodes]');
  });
  afterAll(async () => {
    await fx?.close();
    if (orgDir) rmSync(orgDir, { recursive: true, force: true });
  });

  const tab = async (name: string): Promise<void> => {
    await page.locator(`.tabs [data-tab="${name}"]`).click();
    await expect.poll(() => page.locator(`.tabs [data-tab="${name}"]`).getAttribute('aria-selected')).toBe('true');
  };
  const options = (id: string): Promise<{ value: string; text: string; disabled: boolean }[]> =>
    page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '', disabled: (o as HTMLOptionElement).disabled })));
  /** The run options as the picker should show them: value and title the id, text the local minute of createdAt (and the id's end when two runs share it). */
  const runOptions = (list: RunRecord[]): { value: string; text: string; title: string; disabled: boolean }[] => {
    const minute = (iso: string): string => {
      const d = new Date(iso);
      const p = (n: number): string => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    };
    return list.map((r) => {
      const shared = list.some((o) => o.id !== r.id && minute(o.createdAt) === minute(r.createdAt));
      return { value: r.id, text: shared ? `${minute(r.createdAt)} · ${r.id.slice(-6)}` : minute(r.createdAt), title: r.id, disabled: false };
    });
  };
  const runSelectOptions = (): Promise<{ value: string; text: string; title: string; disabled: boolean }[]> =>
    page.locator('#run-select option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '', title: (o as HTMLOptionElement).title, disabled: (o as HTMLOptionElement).disabled })));
  const countText = (): Promise<string | null> => page.locator('#count').textContent();
  /** The run named in the page's URL hash. */
  const urlRun = (): Promise<string | null> => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('run'));

  /** The run panel against GET /api/runs/:id: id, data set, every parameter and every timing. */
  const expectRunPanel = async (id: string): Promise<void> => {
    const api = await get<RunRecord>(`/api/runs/${id}`);
    await tab('run');
    const panel = page.locator(`section.run[data-run="${id}"]`);
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe(`Run ${id}`);
    expect(await panel.locator('dl.attributes dd').first().textContent()).toBe(api.dataset);
    const params = await panel.locator('table.params tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-param'), JSON.parse(tr.getAttribute('data-value')!) as unknown, tr.querySelector('td')!.textContent]));
    expect(params.map(([k, v]) => [k, v])).toEqual(Object.entries(api.parameters));
    for (const [k, v, text] of params) {
      if (typeof v === 'string') expect(text, k as string).toBe(v);
      if (typeof v === 'number') expect(text, k as string).toBe(formatNumber(v));
      if (Array.isArray(v) && v.length) expect(text, k as string).toBe(v.join(', '));
    }
    const timings = await panel.locator('table.timings tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-stage')!, Number(tr.getAttribute('data-value')), tr.querySelector('td')!.textContent!] as const));
    expect(timings.map(([k, s]) => [k, s])).toEqual(Object.entries(api.timings).sort((a, b) => b[1] - a[1]));
    for (const [, s, text] of timings) expect(text).toBe(formatNumber(s));
  };

  it('the picker lists the data sets and their runs as GET /api/runs does, the newest opened', async () => {
    expect(runs.map((r) => [r.dataset, r.parameters.distance, r.status])).toEqual([
      ['krack', 'hops', 'done'],
      ['cool', 'inverse', 'done'],
      ['krack', 'inverse', 'done'],
    ]);
    expect(await options('dataset-select')).toEqual([
      { value: 'krack', text: 'krack (2 runs)', disabled: false },
      { value: 'cool', text: 'cool (1 run)', disabled: false },
    ]);
    expect(await page.locator('#dataset-select').inputValue()).toBe('krack');
    const krack = runs.filter((r) => r.dataset === 'krack');
    expect(await runSelectOptions()).toEqual(runOptions(krack));
    expect(await page.locator('#run-select').inputValue()).toBe(runOf('krack', 'hops').id);
    expect(await countText()).toBe('21 of 21 actors · 159 of 159 ties');
    await expectRunPanel(runOf('krack', 'hops').id);
  });

  it('picking another data set or run reloads the map, the panel and the URL', async () => {
    const cool = runOf('cool', 'inverse');
    await page.locator('#dataset-select').selectOption('cool');
    await expect.poll(countText).toBe('8 of 8 actors · 8 of 8 ties');
    await expect.poll(urlRun).toBe(cool.id);
    expect(await runSelectOptions()).toEqual(runOptions([cool]));
    expect(await page.locator('#map').getAttribute('data-nodes')).toBe('8');
    // The colour choices are the new run's attributes.
    expect(await options('color-select')).toEqual([
      { value: 'community', text: 'community', disabled: false },
      { value: 'department', text: 'department', disabled: false },
    ]);
    await expectRunPanel(cool.id);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-run.png') });

    // Back to Krackhardt (its newest run), then its older run from the run list.
    const older = runOf('krack', 'inverse');
    await page.locator('#dataset-select').selectOption('krack');
    await expect.poll(countText).toBe('21 of 21 actors · 159 of 159 ties');
    await expect.poll(urlRun).toBe(runOf('krack', 'hops').id);
    await page.locator('#run-select').selectOption(older.id);
    await expect.poll(urlRun).toBe(older.id);
    await expect.poll(() => page.locator('section.run h2').textContent().catch(() => null)).toBe(`Run ${older.id}`);
    await expectRunPanel(older.id);

    // A run changed in the URL by hand (hashchange) reloads too, with that run's attributes
    // (Krackhardt's age, tenure, level... are not the dated organization's).
    await page.evaluate((id) => (location.hash = `run=${id}`), cool.id);
    await expect.poll(countText).toBe('8 of 8 actors · 8 of 8 ties');
    expect((await options('color-select')).map((o) => o.value)).toEqual(['community', 'department']);
    expect(await page.locator('#dataset-select').inputValue()).toBe('cool');
    await page.locator('#dataset-select').selectOption('krack');
    await page.locator('#run-select').selectOption(older.id);
    await expect.poll(countText).toBe('21 of 21 actors · 159 of 159 ties');
    expect((await options('color-select')).map((o) => o.value)).toEqual(['community', 'age', 'department', 'level', 'level_label', 'tenure']);

    // The URL opens that run in a new page.
    const other = await openPage(fx.browser, errors);
    await other.goto(`${fx.server.url}/#run=${cool.id}`);
    await expect.poll(() => other.locator('#count').textContent()).toBe('8 of 8 actors · 8 of 8 ties');
    expect(await other.locator('#run-select').inputValue()).toBe(cool.id);
    await other.close();
  });

  it('the health panel lists the cooling ties of GET /health, worst first, with their values', async () => {
    const cool = runOf('cool', 'inverse');
    const api = await get<EdgeList>(`/api/runs/${cool.id}/health?limit=1000`);
    expect(api.total).toBe(4);
    const pair = (t: { source: string; target: string }): string => [t.source, t.target].sort().join('–');
    // The API's ties are the hand-computed cooling ties (it lists them in tie order).
    expect(api.items.map(pair).sort()).toEqual(COOLING_WORST_FIRST.map(([a, b]) => `${a}–${b}`).sort());

    await page.locator('#dataset-select').selectOption('cool');
    await expect.poll(countText).toBe('8 of 8 actors · 8 of 8 ties');
    await tab('health');
    const table = page.locator('table[data-table="cooling"]');
    await table.waitFor();
    expect(await page.locator('section.health p').first().textContent()).toMatch(/^4 cooling ties, worst first/);
    expect(await table.locator('thead th').allTextContents()).toEqual(['actor', 'actor', 'recent ÷ baseline', 'recent rate', 'baseline rate', 'strength']);
    const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const byPair = new Map(api.items.map((t) => [pair(t), t]));
    const expected = COOLING_WORST_FIRST.map(([a, b]) => {
      const t: EdgeItem = byPair.get(`${a}–${b}`)!;
      return [PEOPLE[t.source]!.label, PEOPLE[t.target]!.label, formatValue((t.recent_rate as number) / (t.baseline_rate as number)), ...['recent_rate', 'baseline_rate', 'strength'].map((c) => formatValue(t[c]))];
    });
    expect(shown).toEqual(expected);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-health.png') });

    // A row selects its first actor.
    await table.locator('tbody tr').first().click();
    const first = byPair.get(COOLING_WORST_FIRST[0]!.join('–'))!;
    await page.locator(`section.actor[data-actor="${first.source}"]`).waitFor();
  });

  it('on a run without timestamps the health panel says why it lists nothing', async () => {
    const krack = runOf('krack', 'inverse');
    const api = await get<EdgeList>(`/api/runs/${krack.id}/health`);
    expect(api.total).toBe(0);
    expect(api.note).toBe(`run ${krack.id} has no "cooling" tie column: cooling needs timestamped interactions`);
    await page.locator('#dataset-select').selectOption('krack');
    await page.locator('#run-select').selectOption(krack.id);
    await expect.poll(urlRun).toBe(krack.id);
    await tab('health');
    await expect.poll(() => page.locator('section.health p').first().textContent().catch(() => null)).toBe(api.note);
    expect(await page.locator('section.health table').count()).toBe(0);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
