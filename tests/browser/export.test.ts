// The viewer's two exports of the map, in headless Chromium against the real server over a scored
// Krackhardt run: the PNG button downloads the current view through @sigma/export-image (a PNG by
// its signature, of the map's size in CSS pixels, with drawn pixels that differ from the white
// background), and the GEXF control downloads GET /api/runs/:id/export?format=gexf for the run
// shown, a well-formed XML document with as many <node> and <edge> elements as the run has actors
// and ties (GET /api/runs/:id counts).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRACKHARDT } from '../server/harness.js';
import { openViewer, type ViewerFixture } from './viewer-harness.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface RunCounts {
  id: string;
  counts: { actors: number; ties: number };
}

/** Element counts by local name of a well-formed XML document (saxes throws on malformed XML). */
function countElements(xml: string): Map<string, number> {
  const counts = new Map<string, number>();
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => counts.set(tag.local, (counts.get(tag.local) ?? 0) + 1));
  parser.write(xml).close();
  return counts;
}

describe('viewer exports', () => {
  let fx: ViewerFixture;
  let page: Page;
  let errors: string[] = [];
  let run: RunCounts;

  beforeAll(async () => {
    ({ fx, page, errors } = await openViewer(KRACKHARDT, 'krack'));
    run = (await (await fetch(`${fx.server.url}/api/runs/latest`)).json()) as RunCounts;
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('PNG: downloads a PNG of the map’s size with the map drawn on it', async () => {
    const box = (await page.locator('#map').boundingBox())!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(download.suggestedFilename()).toBe(`socap-${run.id}.png`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR, the first chunk: width and height, big-endian, at bytes 16 and 20.
    expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width));
    expect(bytes.readUInt32BE(20)).toBe(Math.round(box.height));
    // Decoded by the browser: pixels that are not the white background (nodes and ties).
    const drawn = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255) n++;
      return { n, total: d.length / 4, corner: [...d.subarray(0, 4)] };
    }, bytes.toString('base64'));
    expect(drawn.corner).toEqual([255, 255, 255, 255]);
    expect(drawn.n).toBeGreaterThan(drawn.total / 100);
  });

  it('GEXF: downloads the run’s export, with the run’s actors and ties', async () => {
    const link = page.locator('#export-gexf');
    expect(await link.getAttribute('href')).toBe(`/api/runs/${encodeURIComponent(run.id)}/export?format=gexf`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.gexf$/);
    const xml = readFileSync(await download.path(), 'utf8');
    const counts = countElements(xml);
    expect(counts.get('gexf')).toBe(1);
    expect(run.counts.actors).toBe(21);
    expect(run.counts.ties).toBe(159);
    expect(counts.get('node')).toBe(run.counts.actors);
    expect(counts.get('edge')).toBe(run.counts.ties);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
