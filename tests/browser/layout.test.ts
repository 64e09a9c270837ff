// The viewer's layout at 1280×800 in headless Chromium over a scored Krackhardt run, on every tab:
// the toolbar controls, the three columns (filters, map, details) and the tab buttons do not
// overlap and stay inside the window; the page itself never scrolls, the side columns scroll on
// their own down to their last element, and no panel is wider than its column (wide tables scroll
// inside their block). A screenshot of each tab lands in tests/artifacts/viewer-tab-<name>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRACKHARDT } from '../server/harness.js';
import { buildViewer, openPage, startViewer, type ViewerFixture } from './viewer-harness.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const TABS = ['actor', 'brokers', 'groups', 'health', 'whatif', 'run'] as const;

interface Box {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Pairs of boxes that overlap (by more than half a pixel either way). */
function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 0.5 && dy > 0.5) out.push(`${a.name} × ${b.name}`);
    }
  }
  return out;
}

/** The visible boxes of the elements matching `selector`, named by id, text or position. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e, i) => {
        const r = e.getBoundingClientRect();
        return { name: e.id || (e.textContent ?? '').trim().slice(0, 20) || `#${i}`, x: r.x, y: r.y, w: r.width, h: r.height };
      }),
  );
}

describe('viewer layout at 1280×800', () => {
  let fx: ViewerFixture;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    fx = await startViewer(KRACKHARDT, 'krack', await buildViewer());
    page = await openPage(fx.browser, errors);
    // A selected actor, so the actor tab shows its (long) panel.
    await page.goto(`${fx.server.url}/#sel=A17`);
    await page.locator('section.actor[data-actor="A17"]').waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('the toolbar, the columns and the tabs do not overlap and fit the window', async () => {
    const toolbar = await boxes(page, '.toolbar > *');
    expect(toolbar.length).toBe(7);
    expect(overlaps(toolbar)).toEqual([]);
    for (const b of toolbar) expect(b.x + b.w, b.name).toBeLessThanOrEqual(1280);
    const columns = await boxes(page, '.toolbar, .sidebar, #map, .panel');
    expect(columns.map((c) => c.w > 0 && c.h > 0)).toEqual([true, true, true, true]);
    expect(overlaps(columns)).toEqual([]);
    for (const c of columns) {
      expect(c.x + c.w, c.name).toBeLessThanOrEqual(1280);
      expect(c.y + c.h, c.name).toBeLessThanOrEqual(800);
    }
    expect(overlaps(await boxes(page, '.tabs button'))).toEqual([]);
    // The page does not scroll: the columns do.
    expect(await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth])).toEqual([800, 1280]);
  });

  for (const tab of TABS) {
    it(`the ${tab} tab fits its column and scrolls to its end`, async () => {
      await page.locator(`.tabs [data-tab="${tab}"]`).click();
      await expect.poll(() => page.locator(`.tabs [data-tab="${tab}"]`).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.locator('#panel > *').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, `viewer-tab-${tab}.png`) });
      for (const column of ['.panel', '.sidebar']) {
        const fit = await page.locator(column).evaluate((el) => {
          el.scrollTop = el.scrollHeight;
          // The deepest last element: the end of the column's content.
          let leaf: Element = el;
          while (leaf.lastElementChild) leaf = leaf.lastElementChild;
          const lastDeep = leaf.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return {
            wider: el.scrollWidth > el.clientWidth,
            scrolls: el.scrollHeight <= el.clientHeight || el.scrollTop > 0,
            lastInside: lastDeep.bottom <= box.bottom + 1 && lastDeep.top >= box.top - 1,
          };
        });
        expect(fit, `${tab}: ${column}`).toEqual({ wider: false, scrolls: true, lastInside: true });
        await page.locator(column).evaluate((el) => (el.scrollTop = 0));
      }
    });
  }

  it('the actor panel is taller than the window, so its scrolling is exercised', async () => {
    await page.locator('.tabs [data-tab="actor"]').click();
    await page.locator('section.actor[data-actor="A17"]').waitFor();
    expect(await page.locator('.panel').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
