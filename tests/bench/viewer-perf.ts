// Viewer performance on a generated organization (datasets/generate-org.ts, 10k actors, ~50k ties,
// seed 7): scored with sampled betweenness, served by the real server with a fresh viewer build,
// opened in headless Chromium at 1280×800 on the actor-level map (#all=1). Reports
//   - first map paint: navigation start → sigma's first render of the graph (performance mark),
//   - community-level first paint (the default view above 5000 actors),
//   - hover frames: enterNode → the next render, while the mouse sweeps the map (performance measures).
// Not a test: numbers depend on the machine. Run: npx tsx tests/bench/viewer-perf.ts [actors]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrg } from '../../datasets/generate-org.js';
import { buildViewer, openPage, startViewer } from '../browser/viewer-harness.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const actors = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'socap-viewer-perf-'));
const written = await generateOrg({ nodes: actors, seed: 7, out: dir });
console.log(`generated ${JSON.stringify(written)}`);
const t0 = performance.now();
const fx = await startViewer(dir, 'perf', await buildViewer(), { betweenness: 'sampled', samples: 64 });
console.log(`loaded + scored + server up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const errors: string[] = [];
const quantile = (xs: number[], q: number): number => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

try {
  let page = await openPage(fx.browser, errors);
  // A fresh page for each view: a hash-only navigation would not reload the document.
  const firstPaint = async (hash: string): Promise<number> => {
    await page.close();
    page = await openPage(fx.browser, errors);
    await page.goto(`${fx.server.url}/${hash}`);
    await page.waitForFunction(() => performance.getEntriesByName('socap-map-rendered').length > 0, undefined, { timeout: 120_000 });
    return page.evaluate(() => performance.getEntriesByName('socap-map-rendered')[0]!.startTime);
  };
  const community = await firstPaint('');
  await page.screenshot({ path: join(ARTIFACTS, 'viewer-perf-communities.png') });
  console.log(`community-level first paint: ${community.toFixed(0)} ms (${await page.locator('#count').textContent()})`);
  const full = await firstPaint('#all=1');
  await page.screenshot({ path: join(ARTIFACTS, 'viewer-perf-actors.png') });
  console.log(`actor-level first paint: ${full.toFixed(0)} ms (${await page.locator('#count').textContent()})`);

  const box = (await page.locator('#map').boundingBox())!;
  for (let row = 0; row < 12; row++) {
    for (let col = 0; col < 40; col++) {
      await page.mouse.move(box.x + ((col + 0.5) * box.width) / 40, box.y + ((row + 0.5) * box.height) / 12);
    }
  }
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => performance.getEntriesByName('socap-hover-frame').map((e) => e.duration));
  console.log(`hover frames: ${frames.length}, median ${quantile(frames, 0.5).toFixed(1)} ms, p95 ${quantile(frames, 0.95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`);
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
} finally {
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
}
