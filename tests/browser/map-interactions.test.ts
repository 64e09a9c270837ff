// The map's interactions in headless Chromium against the real server, over the small dated
// organization of cooling-org.ts with staff numbers for ids (S-1041 for Ana Alves, …: an id shares
// nothing with its label, so a search by id cannot pass through the label), scored with a strong
// threshold of 0.7 so the run has every tie kind but plain weak ties (worked out below):
// - a click on an actor selects it (panel, URL, drawn highlighted), a click on empty map space
//   clears the selection (map, URL and actor panel);
// - search suggests the actors holding an attribute value, finds an actor by id and by label, and
//   Enter selects it and flies the camera until the actor sits at the map's centre;
// - the camera goes into the URL (cam=x,y,ratio) and a URL's camera is restored, also with a
//   selection (no fly then);
// - a what-if removing Ana Alves (the cut vertex) draws her and the pieces that split off in the
//   what-if colours, and the panel lists the pieces of POST /whatif;
// - every tie is drawn in its kind's colour (TIE_STYLES) at the width the graph route gives, which
//   grows with strength, and the tie legend lists each kind present with its label and help.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeItem, WhatIfResult } from '../../viewer/src/api.js';
import { TIE_STYLES, tieKind, type TieKind } from '../../viewer/src/map-style.js';
import { PEOPLE, TIES, writeCoolingOrg } from './cooling-org.js';
import { buildViewer, openPage, startViewer, type ViewerFixture } from './viewer-harness.js';

/** cooling-org.ts's actors under staff numbers. */
const ID: Record<string, string> = { A: 'S-1041', B: 'S-2203', C: 'S-3318', D: 'S-4470', E: 'S-5125', F: 'S-6692', G: 'S-7734', H: 'S-8856' };
const STRONG_THRESHOLD = 0.7;
/** Device pixels a CSS pixel on the page whose tie pixels are read. */
const DPR = 3;

/**
 * Each tie's kind by hand (tieKind: bridge, else weak bridge, else cooling, else strong, else weak).
 * The graph is a tree plus the cycle A–B–F–E: A–C, C–D, A–G and G–H are bridges, the cycle's ties
 * are not. No two ties share a common neighbour, so every tie is a local bridge and every weak tie
 * a weak bridge. Strengths from the run: A–B 0.56, C–D 0.60 and G–H 0.47 are weak (below 0.7), the
 * others strong (0.72 to 0.83). A–E and B–F cool (cooling-org.ts); E–F is strong and not cooling.
 */
const KIND: Record<string, TieKind> = { 'A–B': 'weak_bridge', 'A–C': 'bridge', 'A–E': 'cooling', 'B–F': 'cooling', 'C–D': 'bridge', 'E–F': 'strong', 'G–H': 'bridge', 'A–G': 'bridge' };

/** cooling-org.ts written into `dir` with the ids of ID. */
function writeOrg(dir: string): void {
  writeCoolingOrg(dir);
  const rename = (file: string, columns: number): void => {
    const [header, ...rows] = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
    const renamed = rows.map((r) => r.split(',').map((v, k) => (k < columns ? ID[v]! : v)).join(','));
    writeFileSync(join(dir, file), [header, ...renamed].join('\n') + '\n');
  };
  rename('nodes.csv', 1);
  rename('edges.csv', 2);
}

interface GraphJson {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

type Point = { x: number; y: number };

describe('map interactions in the browser', () => {
  let fx: ViewerFixture;
  let orgDir: string;
  const errors: string[] = [];
  let graph: GraphJson;
  let actors: NodeItem[];
  const label = (id: string): string => actors.find((a) => a.id === id)!.label;
  const letterOf = new Map(Object.entries(ID).map(([letter, id]) => [id, letter]));
  const pairOf = (a: string, b: string): string => [letterOf.get(a)!, letterOf.get(b)!].sort().join('–');

  beforeAll(async () => {
    orgDir = mkdtempSync(join(tmpdir(), 'socap-map-org-'));
    writeOrg(orgDir);
    fx = await startViewer(orgDir, 'org', await buildViewer(), { strongThreshold: STRONG_THRESHOLD });
    graph = (await (await fetch(`${fx.server.url}/api/runs/latest/graph`)).json()) as GraphJson;
    actors = ((await (await fetch(`${fx.server.url}/api/runs/latest/nodes?limit=100`)).json()) as { items: NodeItem[] }).items;
  });
  afterAll(async () => {
    await fx?.close();
    if (orgDir) rmSync(orgDir, { recursive: true, force: true });
  });

  /** A page on `hash` with its map drawn and the load finished (the count is written last but one). */
  async function open(hash = ''): Promise<Page> {
    const page = await openPage(fx.browser, errors);
    await page.goto(`${fx.server.url}/${hash}`);
    await page.waitForSelector('#map[data-nodes] canvas');
    await page.waitForSelector('#count[data-nodes]');
    return page;
  }
  const hashParam = (page: Page, name: string): Promise<string | null> => page.evaluate((n) => new URLSearchParams(location.hash.slice(1)).get(n), name);
  const camera = (page: Page): Promise<{ x: number; y: number; ratio: number; angle: number; animated: boolean }> => page.evaluate(() => window.socapMap!.camera());
  /** Waits for the camera to stop moving; returns its state. */
  async function settled(page: Page): Promise<{ x: number; y: number; ratio: number }> {
    await expect.poll(async () => (await camera(page)).animated).toBe(false);
    const { x, y, ratio } = await camera(page);
    return { x, y, ratio };
  }
  const positions = (page: Page): Promise<Record<string, Point>> =>
    page.evaluate(() => Object.fromEntries(window.socapMap!.nodes().map((n) => [n, window.socapMap!.viewportPosition(n)!])));
  const highlighted = (page: Page): Promise<string[]> => page.evaluate(() => window.socapMap!.nodes().filter((n) => window.socapMap!.nodeLook(n)!.highlighted));
  /** The map's size as sigma draws it: the container's offset size, whole pixels. */
  const mapSize = (page: Page): Promise<{ width: number; height: number }> => page.locator('#map').evaluate((m: HTMLElement) => ({ width: m.offsetWidth, height: m.offsetHeight }));
  const mapCentre = async (page: Page): Promise<Point> => {
    const { width, height } = await mapSize(page);
    return { x: width / 2, y: height / 2 };
  };

  it('the fixture: ids unlike labels, every actor and tie on the map', () => {
    expect(actors.map((a) => [a.id, a.label]).sort()).toEqual(Object.entries(PEOPLE).map(([letter, p]) => [ID[letter], p.label]).sort());
    expect(graph.nodes).toHaveLength(8);
    expect(graph.edges.map((e) => pairOf(e.source, e.target)).sort()).toEqual(TIES.map(([a, b]) => [a, b].sort().join('–')).sort());
  });

  /** Clicks the actor farthest from every other (a click there cannot land on a neighbour); returns it. */
  async function clickLoneActor(page: Page): Promise<string> {
    const box = (await page.locator('#map').boundingBox())!;
    const pos = await positions(page);
    const gap = (id: string): number => Math.min(...Object.keys(pos).filter((o) => o !== id).map((o) => Math.hypot(pos[id]!.x - pos[o]!.x, pos[id]!.y - pos[o]!.y)));
    const target = Object.keys(pos).sort((a, b) => gap(b) - gap(a))[0]!;
    expect(gap(target)).toBeGreaterThan(30);
    await page.mouse.click(box.x + pos[target]!.x, box.y + pos[target]!.y);
    return target;
  }

  /** Clicks the point of a 10 px grid over the map farthest from every actor, once the camera stands still. */
  async function clickEmptySpace(page: Page): Promise<void> {
    const box = (await page.locator('#map').boundingBox())!;
    await settled(page);
    const pos = Object.values(await positions(page));
    let empty = { x: 0, y: 0, d: -1 };
    for (let x = 5; x < box.width; x += 10) {
      for (let y = 5; y < box.height; y += 10) {
        const d = Math.min(...pos.map((p) => Math.hypot(p.x - x, p.y - y)));
        if (d > empty.d) empty = { x, y, d };
      }
    }
    // The largest actor is 15 px across at zoom 1 and a selection's fly zooms in to ratio 0.6
    // (radius at most 15 / √0.6 < 20 px): 40 px away is off every disc.
    expect(empty.d).toBeGreaterThan(40);
    await page.mouse.click(box.x + empty.x, box.y + empty.y);
  }

  it('a click on an actor selects it; a click on empty map space clears the selection', async () => {
    const page = await open();
    expect(await highlighted(page)).toEqual([]);
    expect(await hashParam(page, 'sel')).toBeNull();
    const target = await clickLoneActor(page);
    const panel = page.locator(`section.actor[data-actor="${target}"]`);
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe(`${label(target)} (${target})`);
    await expect.poll(() => hashParam(page, 'sel')).toBe(target);
    expect(await highlighted(page)).toEqual([target]);

    await clickEmptySpace(page);
    await expect.poll(() => highlighted(page)).toEqual([]);
    await expect.poll(() => hashParam(page, 'sel')).toBeNull();
    await page.close();
  });

  it('clearing the selection on the map clears the actor panel', async () => {
    const page = await open();
    const target = await clickLoneActor(page);
    await page.locator(`section.actor[data-actor="${target}"]`).waitFor();
    await clickEmptySpace(page);
    await expect.poll(() => hashParam(page, 'sel')).toBeNull();
    // The panel shows what a page opened without a selection shows, not the actor left behind.
    const fresh = await open();
    const empty = await fresh.locator('#panel').textContent();
    await fresh.close();
    expect(empty).toMatch(/^Click an actor on the map/);
    await expect.poll(() => page.locator('#panel section.actor').count()).toBe(0);
    expect(await page.locator('#panel').textContent()).toBe(empty);
    await page.close();
  });

  it('search suggests the actors holding an attribute value', async () => {
    const page = await open();
    const ops = actors.filter((a) => a.attributes.department === 'ops').sort((a, b) => (a.label < b.label ? -1 : 1));
    expect(ops.map((a) => letterOf.get(a.id))).toEqual(['C', 'D', 'G']);
    await page.locator('#search').fill('ops');
    await expect.poll(() => page.locator('#suggestions li').allTextContents()).toEqual(ops.map((a) => `${a.label} — department: ops`));
    // A value's prefix suggests the same actors.
    await page.locator('#search').fill('op');
    await expect.poll(() => page.locator('#suggestions li').allTextContents()).toEqual(ops.map((a) => `${a.label} — department: ops`));
    // Enter picks the first suggestion.
    await page.locator('#search').press('Enter');
    await page.locator(`section.actor[data-actor="${ops[0]!.id}"]`).waitFor();
    await expect.poll(() => hashParam(page, 'sel')).toBe(ops[0]!.id);
    await page.close();
  });

  it('search finds an actor by id and by label; Enter selects it and flies the camera to it', async () => {
    const page = await open();
    const id = ID.C!;
    const shown = `${label(id)} (${id})`;
    for (const query of [id, '3318', 'Cy Costa', 'costa']) {
      await page.locator('#search').fill(query);
      await expect.poll(() => page.locator('#suggestions li').allTextContents(), { message: query }).toEqual([shown]);
    }

    const centre = await mapCentre(page);
    const before = await settled(page);
    const from = (await positions(page))[id]!;
    // The actor starts well away from the centre: the fly is a real move.
    expect(Math.hypot(from.x - centre.x, from.y - centre.y)).toBeGreaterThan(50);
    await page.locator('#search').press('Enter');
    await page.locator(`section.actor[data-actor="${id}"]`).waitFor();
    await expect.poll(() => hashParam(page, 'sel')).toBe(id);
    expect(await highlighted(page)).toEqual([id]);
    const after = await settled(page);
    expect(after).not.toEqual(before);
    expect(after.ratio).toBeCloseTo(0.6, 12);
    // The animation ends on its target state exactly (sigma's Camera.animate sets it on the last
    // frame), so the actor is drawn at the centre up to floating-point rounding (3e-5 px measured):
    // 0.001 px.
    const to = (await positions(page))[id]!;
    expect(Math.abs(to.x - centre.x)).toBeLessThan(1e-3);
    expect(Math.abs(to.y - centre.y)).toBeLessThan(1e-3);

    // The camera goes into the URL, rounded to 4 decimals (view-state.ts).
    await expect.poll(() => hashParam(page, 'cam')).toBe([after.x, after.y, after.ratio].map((v) => String(Math.round(v * 10000) / 10000)).join(','));
    await page.close();
  });

  it('a URL’s camera is restored, with or without a selection', async () => {
    const page = await open();
    const def = await settled(page);
    const defPos = await positions(page);
    const cam = { x: 0.3, y: 0.7, ratio: 0.25 };
    expect(def).not.toEqual(cam);

    const other = await open(`#cam=${cam.x},${cam.y},${cam.ratio}`);
    const got = await settled(other);
    expect(got.x).toBeCloseTo(cam.x, 12);
    expect(got.y).toBeCloseTo(cam.y, 12);
    expect(got.ratio).toBeCloseTo(cam.ratio, 12);
    // The map is drawn through that camera: zoomed in four times, actors are farther apart.
    const pos = await positions(other);
    const spread = (p: Record<string, Point>): number => Math.hypot(p[ID.A!]!.x - p[ID.H!]!.x, p[ID.A!]!.y - p[ID.H!]!.y);
    expect(spread(pos) / spread(defPos)).toBeCloseTo(4, 6);
    await other.close();

    // With a selection the URL's camera wins: no fly to the actor.
    const id = ID.D!;
    const withSel = await open(`#sel=${id}&cam=${cam.x},${cam.y},${cam.ratio}`);
    await withSel.locator(`section.actor[data-actor="${id}"]`).waitFor();
    expect(await highlighted(withSel)).toEqual([id]);
    // Longer than a fly (450 ms): one would have moved the camera by now.
    await withSel.waitForTimeout(800);
    const kept = await settled(withSel);
    expect(kept.x).toBeCloseTo(cam.x, 12);
    expect(kept.y).toBeCloseTo(cam.y, 12);
    expect(kept.ratio).toBeCloseTo(cam.ratio, 12);
    await withSel.close();

    // A link copied after a fly opens on the same view: the actor at the centre.
    const [target, flown] = [ID.F!, await open()];
    await flown.locator('#search').fill(label(target));
    await flown.locator('#search').press('Enter');
    await flown.locator(`section.actor[data-actor="${target}"]`).waitFor();
    await settled(flown);
    await expect.poll(() => flown.evaluate(() => location.hash)).toMatch(/cam=[^&]*0\.6(&|$)/);
    const hash = await flown.evaluate(() => location.hash);
    await flown.close();
    const copy = await open(hash);
    await copy.locator(`section.actor[data-actor="${target}"]`).waitFor();
    const copied = await settled(copy);
    const [x, y, ratio] = (await hashParam(copy, 'cam'))!.split(',').map(Number);
    expect([copied.x, copied.y, copied.ratio].map((v, k) => Math.abs(v - [x!, y!, ratio!][k]!))).toEqual([0, 0, 0]);
    // The URL keeps 4 decimals of the camera's framed coordinates (off by at most 5e-5), and one
    // framed unit spans at most the map's larger side over the ratio in pixels.
    const { width, height } = await mapSize(copy);
    const bound = (5e-5 * Math.max(width, height)) / ratio!;
    expect(bound).toBeLessThan(0.1);
    const centre = await mapCentre(copy);
    const p = (await positions(copy))[target]!;
    expect(Math.abs(p.x - centre.x)).toBeLessThanOrEqual(bound);
    expect(Math.abs(p.y - centre.y)).toBeLessThanOrEqual(bound);
    await copy.close();
    await page.close();
  });

  it('a what-if removing the cut vertex draws the removed actor and the split-off pieces in their colours', async () => {
    const removed = ID.A!;
    const res = await fetch(`${fx.server.url}/api/runs/latest/whatif`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ remove: [removed] }) });
    expect(res.status).toBe(200);
    const api = (await res.json()) as WhatIfResult;
    // By hand: without A the rest falls into B–F–E (the largest), C–D and G–H.
    expect(api.removed).toEqual([removed]);
    expect(api.splitOff).toEqual([
      { size: 2, members: [ID.C, ID.D] },
      { size: 2, members: [ID.G, ID.H] },
    ]);

    const page = await open(`#sel=${removed}`);
    const panel = page.locator(`section.actor[data-actor="${removed}"]`);
    await panel.waitFor();
    await settled(page);
    const looks = (): Promise<Record<string, string>> => page.evaluate(() => Object.fromEntries(window.socapMap!.nodes().map((n) => [n, window.socapMap!.nodeLook(n)!.color])));
    const plain = await looks();
    const marks = await page.evaluate(() => window.socapMap!.whatIfColors);
    // Two colours the map uses for nothing else.
    expect(marks.removed).not.toBe(marks.splitOff);
    expect(Object.values(plain)).not.toContain(marks.removed);
    expect(Object.values(plain)).not.toContain(marks.splitOff);

    await panel.getByRole('button', { name: 'What if they left?' }).click();
    await page.locator('#whatif-run').click();
    const result = page.locator('#whatif-result');
    await result.waitFor();
    const split = new Set(api.splitOff.flatMap((p) => p.members));
    const expected = Object.fromEntries(Object.keys(plain).map((n) => [n, n === removed ? marks.removed : split.has(n) ? marks.splitOff : plain[n]!]));
    await expect.poll(looks).toEqual(expected);

    // The panel lists the pieces of POST /whatif, in its order, by label.
    expect(await result.locator('h3').textContent()).toBe(`Split-off pieces (${api.splitOff.length}), in red on the map`);
    const pieces = await result.locator('ul li').evaluateAll((lis) => lis.map((li) => ({ text: li.textContent, members: [...li.querySelectorAll('a')].map((a) => a.textContent) })));
    expect(pieces).toEqual(api.splitOff.map((p) => ({ text: `${p.size} actors: ${p.members.map(label).join(', ')}`, members: p.members.map(label) })));

    // Clearing the what-if gives the actors their own colours back.
    await page.locator('section.whatif').getByRole('button', { name: 'Clear' }).click();
    await expect.poll(looks).toEqual(plain);
    await page.close();
  });

  it('each tie is drawn in its kind’s colour at the width the graph route gives, growing with strength', async () => {
    const page = await open();
    const strength = (e: GraphJson['edges'][number]): number => e.attributes.strength as number;
    const max = Math.max(...graph.edges.map(strength));
    // The run's flags give the kinds worked out by hand.
    expect(Object.fromEntries(graph.edges.map((e) => [pairOf(e.source, e.target), tieKind(e.attributes)]))).toEqual(KIND);
    // The route's width: 0.5 px plus up to 2.5 px in proportion to strength (server/sigma-graph.ts).
    for (const e of graph.edges) expect(e.attributes.size, pairOf(e.source, e.target)).toBeCloseTo(0.5 + (2.5 * strength(e)) / max, 12);
    const byStrength = [...graph.edges].sort((a, b) => strength(a) - strength(b));
    expect(new Set(byStrength.map(strength)).size).toBe(byStrength.length);

    const drawn = await page.evaluate(() => Object.fromEntries(window.socapMap!.edges().map((e) => [e, window.socapMap!.edgeLook(e)!])));
    expect(Object.keys(drawn).sort()).toEqual(graph.edges.map((e) => e.key).sort());
    for (const e of graph.edges) {
      const look = drawn[e.key]!;
      const what = pairOf(e.source, e.target);
      expect({ source: look.source, target: look.target, color: look.color, hidden: look.hidden }, what).toEqual({ source: e.source, target: e.target, color: TIE_STYLES[KIND[what]!].color, hidden: false });
      expect(look.size, what).toBe(e.attributes.size);
    }
    // Drawn widths strictly increase with strength.
    const widths = byStrength.map((e) => drawn[e.key]!.size);
    for (let k = 1; k < widths.length; k++) expect(widths[k]!).toBeGreaterThan(widths[k - 1]!);

    // And on screen, read from a screenshot at 3 device pixels a CSS pixel (a tie's core pixels
    // are then all tie): near a point of each tie, away from every actor, label and other tie.
    const hi = await fx.browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: DPR });
    hi.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    hi.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    hi.on('response', (r) => {
      if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`);
    });
    await hi.goto(fx.server.url);
    await hi.waitForSelector('#count[data-nodes]');
    const pos = await positions(hi);
    const size = await mapSize(hi);
    const distToSegment = (p: Point, a: Point, b: Point): number => {
      const [dx, dy] = [b.x - a.x, b.y - a.y];
      const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
    };
    // A label is drawn right of its actor: kept clear of a 160 × 24 px box there.
    const inLabel = (p: Point, n: Point): boolean => p.x > n.x && p.x < n.x + 160 && Math.abs(p.y - n.y) < 12;
    const hex = (c: string): number[] => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
    const lines = graph.edges.map((e) => {
      const [a, b] = [pos[e.source]!, pos[e.target]!];
      const pair = pairOf(e.source, e.target);
      for (let k = 0; k < 40; k++) {
        const t = 0.5 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 0.02;
        const p = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
        const clear =
          Object.values(pos).every((n) => Math.hypot(n.x - p.x, n.y - p.y) > 24 && !inLabel(p, n)) &&
          graph.edges.every((o) => o === e || distToSegment(p, pos[o.source]!, pos[o.target]!) > 8) &&
          p.x > 8 && p.y > 8 && p.x < size.width - 8 && p.y < size.height - 8;
        if (clear) return { pair, size: e.attributes.size as number, p, slope: Math.atan2(b.y - a.y, b.x - a.x), color: hex(TIE_STYLES[KIND[pair]!].color) };
      }
      throw new Error(`no clear point on ${pair}`);
    });
    const png = (await hi.locator('#map').screenshot()).toString('base64');
    await hi.close();
    const read = await page.evaluate(
      async ({ png, lines, dpr }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const ctx = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height }).getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const bg = [251, 251, 252]; // the map's background, #fbfbfc
        return lines.map(({ p, slope, color }) => {
          const [cx, cy] = [Math.round(p.x * dpr), Math.round(p.y * dpr)];
          // The core: the pixel farthest from the background within 2 CSS px of the point (the map's
          // box starts at a fractional pixel: the screenshot may be a pixel off the probe's positions).
          const r = 2 * dpr;
          let d = ctx.getImageData(cx - r, cy - r, 2 * r + 1, 2 * r + 1).data;
          let core = [0, 0, 0];
          let far = -1;
          for (let i = 0; i < d.length; i += 4) {
            const dist = Math.hypot(d[i]! - bg[0]!, d[i + 1]! - bg[1]!, d[i + 2]! - bg[2]!);
            if (dist > far) [far, core] = [dist, [d[i]!, d[i + 1]!, d[i + 2]!]];
          }
          // The width: the tie's coverage (each pixel's share of the way from background to tie
          // colour) summed over a pixel column across it (a row for steep ties), in CSS pixels,
          // times the cosine (sine) of its slope.
          const steep = Math.abs(Math.sin(slope)) > Math.abs(Math.cos(slope));
          const w = 8 * dpr;
          d = steep ? ctx.getImageData(cx - w, cy, 2 * w + 1, 1).data : ctx.getImageData(cx, cy - w, 1, 2 * w + 1).data;
          const span = color.map((v, k) => v - bg[k]!);
          const norm = span.reduce((s, v) => s + v * v, 0);
          let coverage = 0;
          for (let i = 0; i < d.length; i += 4) coverage += span.reduce((s, v, k) => s + v * (d[i + k]! - bg[k]!), 0) / norm;
          return { core, width: (coverage / dpr) * Math.abs(steep ? Math.sin(slope) : Math.cos(slope)) };
        });
      },
      { png, lines, dpr: DPR },
    );
    // Each tie's core has exactly its kind's colour.
    expect(Object.fromEntries(lines.map((l, i) => [l.pair, read[i]!.core]))).toEqual(Object.fromEntries(lines.map((l) => [l.pair, l.color])));
    // The drawn widths are the route's widths less what antialiasing fades at the borders, the
    // same for every tie: measured 0.27–0.37 px. The widths span 1.09 px (1.91 to 3): a map that
    // drew every tie alike would spread the differences over a pixel; 0.2 px is the reading's noise.
    const lost = lines.map((l, i) => l.size - read[i]!.width);
    expect(Math.max(...lost) - Math.min(...lost)).toBeLessThan(0.2);
    expect(Math.min(...lost)).toBeGreaterThan(0);
    expect(Math.max(...lost)).toBeLessThan(0.5);
    expect(Math.max(...lines.map((l) => l.size)) - Math.min(...lines.map((l) => l.size))).toBeGreaterThan(1);
    await page.close();
  });

  it('the tie legend explains every kind present in the run, and no other', async () => {
    const page = await open();
    const present = new Set(Object.values(KIND));
    const kinds = (Object.keys(TIE_STYLES) as TieKind[]).filter((k) => present.has(k));
    expect(kinds).toEqual(['bridge', 'weak_bridge', 'cooling', 'strong']);
    const rows = await page.locator('#tie-legend li:not(.legend-title)').evaluateAll((lis) =>
      lis.map((li) => ({ text: li.textContent, title: li.getAttribute('title'), help: li.querySelector('.muted')?.textContent, line: (li.querySelector('.line') as HTMLElement | null)?.style.background })),
    );
    const rgb = (hex: string): string => {
      const n = Number.parseInt(hex.slice(1), 16);
      return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
    };
    expect(rows).toEqual(kinds.map((k) => ({ text: ` ${TIE_STYLES[k].label}: ${TIE_STYLES[k].help}`, title: TIE_STYLES[k].help, help: TIE_STYLES[k].help, line: rgb(TIE_STYLES[k].color) })));
    expect(await page.locator('#tie-legend .legend-title').textContent()).toBe('ties (width: strength)');
    await page.close();
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
