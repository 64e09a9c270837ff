// The community-level map of a large run, in headless Chromium against the real server: a generated
// organization (datasets/generate-org.ts, seed 7) just above the server's COMMUNITY_LEVEL_ABOVE
// actors, scored with sampled betweenness and closeness (few pivots, to keep it quick). The map
// opens on one node per community (as many as the run has communities, each sized and labelled by
// its actors, the count reading "communities"); clicking a community opens the actor graph showing
// exactly that community's actors (as the API assigns them) and puts the drill-down in the URL (a
// copied link reopens it), with the way back; "Show every actor" and a URL with #all=1 open the
// whole actor map. Search works from the community-level map: it finds an actor (the actors are fetched
// on the first use of the search box) and opens the actor's community with the actor selected.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../datasets/generate-org.js';
import { COMMUNITY_LEVEL_ABOVE } from '../../server/sigma-graph.js';
import { removeWorkspace } from '../server/harness.js';
import { openPage, openViewer, type ViewerFixture } from './viewer-harness.js';

const ACTORS = COMMUNITY_LEVEL_ABOVE + 200;

interface NodeRow {
  id: string;
  label: string;
  metrics: Record<string, number | string | boolean | null>;
}

describe('viewer: community-level map of a large run', () => {
  let fx: ViewerFixture;
  let page: Page;
  let errors: string[] = [];
  let dir = '';
  /** Actors of each community, by the API's node list. */
  const members = new Map<number, number>();
  /** An actor of the run, for search. */
  let someone: NodeRow;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'socap-org-'));
    const written = await generateOrg({ nodes: ACTORS, seed: 7, out: dir });
    expect(written.nodes).toBe(ACTORS);
    ({ fx, page, errors } = await openViewer(dir, 'org', { betweenness: 'sampled', closeness: 'sampled', samples: 8 }));
    const { items, total } = (await (await fetch(`${fx.server.url}/api/runs/latest/nodes?limit=10000`)).json()) as { items: NodeRow[]; total: number };
    expect(total).toBe(ACTORS);
    for (const n of items) members.set(n.metrics.community as number, (members.get(n.metrics.community as number) ?? 0) + 1);
    someone = items[Math.floor(items.length / 2)]!;
  }, 300_000);
  afterAll(async () => {
    await fx?.close();
    if (dir) removeWorkspace(dir);
  });

  const mapNodes = async (p: Page): Promise<number> => Number(await p.locator('#map').getAttribute('data-nodes'));
  const shown = async (p: Page): Promise<number> => Number(await p.locator('#count').getAttribute('data-nodes'));
  /** A fresh page on the community-level map (one node per community drawn). */
  const openCommunityMap = async (): Promise<Page> => {
    const p = await openPage(fx.browser, errors);
    await p.goto(fx.server.url);
    await p.waitForSelector('#map[data-nodes] canvas', { timeout: 30_000 });
    expect(await mapNodes(p)).toBe(members.size);
    return p;
  };

  it(`above ${COMMUNITY_LEVEL_ABOVE} actors the map opens on one node per community`, async () => {
    expect(members.size).toBeGreaterThan(1);
    expect(await mapNodes(page)).toBe(members.size);
    expect(await page.locator('#count').textContent()).toMatch(new RegExp(`^${members.size} of ${members.size} communities · `));
    expect(await page.locator('#level-note').isVisible()).toBe(true);
    expect(await page.locator('#level-note').textContent()).toBe(`${ACTORS} actors shown as one node per community: click a community to open it.`);
    expect(await page.locator('#full-graph').isVisible()).toBe(true);
    expect(await page.locator('#community-map').isVisible()).toBe(false);
    // The filters apply to actors: disabled at this level.
    expect(await page.locator('#min-degree').isDisabled()).toBe(true);
    expect(await page.locator('#size-legend .legend-title').textContent()).toBe('size: actors in the community');
  });

  it('clicking a community opens its actors; the community map is one click back', async () => {
    // The community node farthest from any other, so the click cannot land on a neighbour.
    const target = await page.evaluate(() => {
      const map = window.socapMap!;
      const pos = map.nodes().map((n) => ({ n, p: map.viewportPosition(n)! }));
      let best = { n: '', p: { x: 0, y: 0 }, gap: -1 };
      for (const a of pos) {
        const gap = Math.min(...pos.filter((b) => b !== a).map((b) => Math.hypot(a.p.x - b.p.x, a.p.y - b.p.y)));
        if (gap > best.gap) best = { ...a, gap };
      }
      return best;
    });
    expect(target.gap).toBeGreaterThan(10);
    const community = Number(/^community-(\d+)$/.exec(target.n)![1]);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + target.p.x, box.y + target.p.y);
    await expect.poll(() => mapNodes(page), { timeout: 30_000 }).toBe(ACTORS);
    await expect.poll(() => shown(page)).toBe(members.get(community));
    expect(await page.locator('#count').textContent()).toMatch(new RegExp(`^${members.get(community)} of ${ACTORS} actors · `));
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`community=${community}`);
    expect(await page.locator('#level-note').textContent()).toBe(`Community ${community} of a large run.`);
    expect(await page.locator('#community-map').isVisible()).toBe(true);
    // The drill-down is in the URL: a copied link opens the same community.
    const copy = await openPage(fx.browser, errors);
    await copy.goto(`${fx.server.url}/${await page.evaluate(() => location.hash)}`);
    await expect.poll(() => shown(copy), { timeout: 30_000 }).toBe(members.get(community));
    expect(await mapNodes(copy)).toBe(ACTORS);
    await copy.close();

    await page.locator('#community-map').click();
    await expect.poll(() => mapNodes(page), { timeout: 30_000 }).toBe(members.size);
    expect(await page.locator('#full-graph').isVisible()).toBe(true);
  });

  it('"Show every actor" and #all=1 open the whole actor map', async () => {
    await page.locator('#full-graph').click();
    await expect.poll(() => mapNodes(page), { timeout: 30_000 }).toBe(ACTORS);
    expect(await shown(page)).toBe(ACTORS);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('all=1');

    const other = await openPage(fx.browser, errors);
    await other.goto(`${fx.server.url}/#all=1`);
    await other.waitForSelector('#map[data-nodes] canvas', { timeout: 30_000 });
    expect(await mapNodes(other)).toBe(ACTORS);
    await expect.poll(() => shown(other)).toBe(ACTORS);
    expect(await other.locator('#min-degree').isDisabled()).toBe(false);
    expect(await other.locator('#community-map').isVisible()).toBe(true);
    await other.close();
  });

  it('from the keyboard: Tab reaches "Show every actor", Enter opens every actor; Space on "Back to communities" returns', async () => {
    const p = await openCommunityMap();
    const hash = async (): Promise<URLSearchParams> => new URLSearchParams((await p.evaluate(() => location.hash)).slice(1));
    /** Presses Tab from the page title until the element with `id` has the focus; the stops on the way. */
    const tabTo = async (id: string): Promise<string[]> => {
      await p.locator('h1').click();
      const stops: string[] = [];
      for (let i = 0; i < 40; i++) {
        await p.keyboard.press('Tab');
        stops.push(await p.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
        if (stops.at(-1) === id) return stops;
      }
      throw new Error(`Tab never reached #${id}; stops: ${stops.join(' ')}`);
    };

    // The hidden "Back to communities" is skipped on the way.
    expect(await tabTo('full-graph')).not.toContain('community-map');
    await p.keyboard.press('Enter');
    await expect.poll(() => mapNodes(p), { timeout: 30_000 }).toBe(ACTORS);
    await expect.poll(() => shown(p)).toBe(ACTORS);
    await expect.poll(async () => (await hash()).get('all')).toBe('1');
    expect(await p.locator('#full-graph').isVisible()).toBe(false);

    expect(await tabTo('community-map')).not.toContain('full-graph');
    await p.keyboard.press(' ');
    await expect.poll(() => mapNodes(p), { timeout: 30_000 }).toBe(members.size);
    expect(await p.locator('#count').textContent()).toMatch(new RegExp(`^${members.size} of ${members.size} communities · `));
    await expect.poll(async () => (await hash()).get('all')).toBe(null);
    expect((await hash()).get('community')).toBe(null);
    expect(await p.locator('#full-graph').isVisible()).toBe(true);
    expect(await p.locator('#community-map').isVisible()).toBe(false);
    await p.close();
  });

  it('search finds an actor from the community-level map and opens its community with the actor selected', async () => {
    const p = await openCommunityMap();
    const community = someone.metrics.community as number;
    // Search fetches the actors when first focused: suggestions appear once they have arrived.
    await p.locator('#search').fill(someone.id);
    await expect.poll(() => p.locator('#suggestions li').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await p.locator('#suggestions li').first().textContent()).toContain(someone.label);
    await p.locator('#search').press('Enter');
    await expect.poll(() => mapNodes(p), { timeout: 30_000 }).toBe(ACTORS);
    await expect.poll(() => shown(p)).toBe(members.get(community));
    // The view goes into the URL once the load has finished.
    const hash = async (key: string): Promise<string | null> => new URLSearchParams((await p.evaluate(() => location.hash)).slice(1)).get(key);
    await expect.poll(() => hash('community')).toBe(String(community));
    expect(await hash('sel')).toBe(someone.id);
    await expect.poll(() => p.locator('#panel h2').first().textContent()).toContain(someone.label);
    await p.close();
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
