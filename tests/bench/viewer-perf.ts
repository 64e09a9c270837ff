// Viewer performance on a generated organization (datasets/generate-org.ts, 10k actors, ~50k ties,
// seed 7): scored with sampled betweenness, served by the real server with a fresh viewer build,
// opened in headless Chromium at 1280×800. For the community-level default view and the actor-level
// view (#all=1) it reports
//   - first map paint: navigation start → sigma's first render of the graph (performance mark:
//     the render's JavaScript), and → the GPU having drawn it (a one-pixel read of every WebGL
//     layer, which waits for the drawing commands queued before it),
//   - hover frames: the pointer event that changed the hover → the first animation frame after the
//     map redrew (performance measure `socap-hover-frame`), over HOVER_STEPS actors: the mouse jumps
//     from actor to actor (the cheap, partial path) and every ROUND-th step leaves the map and comes
//     back (hover from nothing and back to nothing: the full path). Each step waits for its frame,
//     at most STEP_TIMEOUT_MS; steps that gave no frame are counted.
// Not a test: numbers depend on the machine.
// Run: npx tsx tests/bench/viewer-perf.ts [actors] [--gl swiftshader|disable-gpu] [--url URL]
//   (--url measures a server already serving a scored run instead of generating one.)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateOrg } from '../../datasets/generate-org.js';
import type { MapProbe } from '../../viewer/src/map-view.js';
import { buildViewer, CHROMIUM, CHROMIUM_ARGS, openPage, startViewer } from '../browser/viewer-harness.js';

const HOVER_STEPS = 60;
const ROUND = 10;
const STEP_TIMEOUT_MS = 15_000;
const PAINT_TIMEOUT_MS = 180_000;
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const GL_ARGS: Record<string, string[]> = {
  swiftshader: ['--headless', '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  'disable-gpu': CHROMIUM_ARGS,
};

const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { gl: { type: 'string', default: 'disable-gpu' }, url: { type: 'string' } } });
const glArgs = GL_ARGS[flags.gl];
if (!glArgs) throw new Error(`--gl must be one of ${Object.keys(GL_ARGS).join(', ')}, got "${flags.gl}"`);
const actors = Number(positionals[0] ?? 10_000);
mkdirSync(ARTIFACTS, { recursive: true });

interface Stats {
  frames: number;
  median: number;
  p95: number;
  max: number;
  over100: number;
}

function stats(xs: number[]): Stats {
  const s = xs.slice().sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { frames: s.length, median: q(0.5), p95: q(0.95), max: s.at(-1) ?? NaN, over100: s.filter((x) => x > 100).length };
}

const fmt = (s: Stats): string => `${s.frames} frames, median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms, ${s.over100} over 100 ms`;

/** Opens `hash` on a fresh page (a hash-only navigation would not reload) and waits for the first render. */
async function firstPaint(browser: Browser, url: string, hash: string, errors: string[]): Promise<{ page: Page; rendered: number; drawn: number }> {
  const page = await openPage(browser, errors);
  await page.goto(`${url}/${hash}`);
  const { rendered, drawn } = await page.evaluate(async (timeout) => {
    const until = performance.now() + timeout;
    while (performance.getEntriesByName('socap-map-rendered').length === 0 && performance.now() < until) await new Promise((r) => requestAnimationFrame(r));
    const mark = performance.getEntriesByName('socap-map-rendered')[0];
    if (!mark) throw new Error(`no map render within ${timeout} ms`);
    const pixel = new Uint8Array(4);
    for (const c of document.querySelectorAll<HTMLCanvasElement>('#map canvas')) {
      const gl = c.getContext('webgl2') ?? c.getContext('webgl');
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    }
    return { rendered: mark.startTime, drawn: performance.now() };
  }, PAINT_TIMEOUT_MS);
  await page.waitForSelector('#count[data-nodes]', { timeout: PAINT_TIMEOUT_MS });
  return { page, rendered, drawn };
}

/** HOVER_STEPS actors spread over the map (every k-th actor drawn inside it), as page coordinates. */
async function targets(page: Page): Promise<{ id: string; x: number; y: number }[]> {
  const box = (await page.locator('#map').boundingBox())!;
  const inside = await page.evaluate(({ w, h }) => {
    const map: MapProbe = window.socapMap!;
    const out: { id: string; x: number; y: number }[] = [];
    for (const id of map.nodes()) {
      const p = map.viewportPosition(id);
      if (p && p.x > 10 && p.y > 10 && p.x < w - 10 && p.y < h - 10) out.push({ id, ...p });
    }
    return out;
  }, { w: box.width, h: box.height });
  const step = Math.max(1, Math.floor(inside.length / HOVER_STEPS));
  return inside.filter((_, i) => i % step === 0).slice(0, HOVER_STEPS).map((t) => ({ id: t.id, x: box.x + t.x, y: box.y + t.y }));
}

const frameCount = (page: Page): Promise<number> => page.evaluate(() => performance.getEntriesByName('socap-hover-frame').length);

/** Moves the mouse and waits for the hover frame it causes; the frame's duration, or null on timeout. */
async function hoverStep(page: Page, x: number, y: number): Promise<number | null> {
  const before = await frameCount(page);
  await page.mouse.move(x, y);
  try {
    await page.waitForFunction((n) => performance.getEntriesByName('socap-hover-frame').length > n, before, { timeout: STEP_TIMEOUT_MS, polling: 20 });
  } catch {
    return null;
  }
  return page.evaluate((n) => performance.getEntriesByName('socap-hover-frame')[n]!.duration, before);
}

/** The budgets: first map paint under 3 s, no hover frame over 100 ms. */
const FIRST_PAINT_BUDGET_MS = 3000;
const HOVER_FRAME_BUDGET_MS = 100;
const verdicts: string[] = [];
const verdict = (what: string, ok: boolean, detail: string): void => {
  verdicts.push(`  ${ok ? 'met    ' : 'NOT MET'}  ${what}: ${detail}`);
};

async function hoverSweep(page: Page, label: string): Promise<void> {
  const list = await targets(page);
  const box = (await page.locator('#map').boundingBox())!;
  const partial: number[] = [];
  const full: number[] = [];
  let missed = 0;
  let ties = 0;
  const overIndex: number[] = [];
  const started = performance.now();
  for (let i = 0; i < list.length; i++) {
    const fromNothing = i % ROUND === 0;
    if (fromNothing && i > 0) {
      // Leave the map (the frame restoring every tie comes after the linger delay).
      const d = await hoverStep(page, box.x - 40, box.y + box.height / 2);
      if (d === null) missed++;
      else full.push(d);
    }
    const d = await hoverStep(page, list[i]!.x, list[i]!.y);
    if (d !== null && d > HOVER_FRAME_BUDGET_MS) overIndex.push(i);
    if (d === null) missed++;
    else (fromNothing ? full : partial).push(d);
    ties += Number((await page.locator('#map').getAttribute('data-hover-ties')) ?? 0);
  }
  const all = [...partial, ...full];
  console.log(`${label} hover, ${list.length} actors in ${((performance.now() - started) / 1000).toFixed(1)} s (mean ${(ties / list.length).toFixed(1)} ties drawn per hover, ${missed} steps without a frame):`);
  console.log(`  all:              ${fmt(stats(all))}`);
  console.log(`  actor → actor:    ${fmt(stats(partial))}`);
  console.log(`  from/to nothing:  ${fmt(stats(full))}`);
  const over = all.filter((d) => d > HOVER_FRAME_BUDGET_MS).length;
  if (overIndex.length) console.log(`  frames over ${HOVER_FRAME_BUDGET_MS} ms at steps ${overIndex.join(', ')} (0 = the first hover)`);
  const max = all.length ? Math.max(...all) : NaN;
  verdict(`${label} hover frames ≤ ${HOVER_FRAME_BUDGET_MS} ms`, over === 0 && missed === 0, `${over} of ${all.length} over, max ${max.toFixed(1)} ms, ${missed} without a frame`);
}

let dir: string | null = null;
let close = async (): Promise<void> => undefined;
let url = flags.url;
let browser: Browser;
if (url === undefined) {
  dir = mkdtempSync(join(tmpdir(), 'socap-viewer-perf-'));
  const written = await generateOrg({ nodes: actors, seed: 7, out: dir });
  console.log(`generated ${JSON.stringify(written)}`);
  const t0 = performance.now();
  const fx = await startViewer(dir, 'perf', await buildViewer(), { betweenness: 'sampled', samples: 64 });
  console.log(`loaded + scored + server up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  url = fx.server.url;
  await fx.browser.close();
  close = () => fx.close();
}
browser = await chromium.launch({ executablePath: CHROMIUM, args: glArgs });
console.log(`chromium ${browser.version()} (${flags.gl}), viewport 1280×800`);
const errors: string[] = [];

try {
  for (const [label, hash, shot] of [['community-level', '', 'communities'], ['actor-level', '#all=1', 'actors']] as const) {
    const { page, rendered, drawn } = await firstPaint(browser, url, hash, errors);
    console.log(`${label} first paint: rendered ${rendered.toFixed(0)} ms, drawn ${drawn.toFixed(0)} ms (${await page.locator('#count').textContent()})`);
    verdict(`${label} first paint < ${FIRST_PAINT_BUDGET_MS} ms`, drawn < FIRST_PAINT_BUDGET_MS, `drawn at ${drawn.toFixed(0)} ms`);
    await page.screenshot({ path: join(ARTIFACTS, `viewer-perf-${shot}.png`) });
    await hoverSweep(page, label);
    await page.screenshot({ path: join(ARTIFACTS, `viewer-perf-${shot}-hover.png`) });
    await page.close();
  }
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  console.log(`budgets:\n${verdicts.join('\n')}`);
  if (errors.length) console.log('NOT MET  no page errors');
} finally {
  await browser.close();
  await close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
