// Text contrast of the viewer in headless Chromium over a scored Krackhardt run, on every tab and
// with the search suggestions open: every visible element that holds text of its own (body text,
// toolbar labels, buttons and the selected tab, panel text and tables, muted notes, legend labels,
// the status line) has a WCAG 2.x contrast ratio of at least 4.5 between its computed colour and
// the background it is drawn on (the ancestors' background colours composited). Disabled controls
// are exempt, as WCAG 1.4.3 exempts inactive components. Ratio: (L1 + 0.05) / (L2 + 0.05) of the
// relative luminances (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRACKHARDT } from '../server/harness.js';
import { openViewer, type ViewerFixture } from './viewer-harness.js';

const TABS = ['actor', 'brokers', 'groups', 'health', 'whatif', 'run'] as const;
const MIN_RATIO = 4.5;

type Rgba = [number, number, number, number];

/** WCAG relative luminance of an sRGB colour (0–255 channels). */
function luminance([r, g, b]: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `fg` with its alpha drawn over the opaque `bg`. */
function over(fg: Rgba, bg: Rgba): Rgba {
  const a = fg[3];
  return [fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a), 1];
}

interface TextSample {
  what: string;
  color: Rgba;
  /** Background colours from the element up to the root, nearest first. */
  backgrounds: Rgba[];
}

/** Every visible element with text of its own, its colour and its ancestors' backgrounds. */
function textSamples(page: Page): Promise<TextSample[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const out: { what: string; color: [number, number, number, number]; backgrounds: [number, number, number, number][] }[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('#map, option, script, style')) continue;
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (el.closest(':disabled')) continue;
      const backgrounds: [number, number, number, number][] = [];
      for (let a: HTMLElement | null = el; a; a = a.parentElement) backgrounds.push(parse(getComputedStyle(a).backgroundColor));
      backgrounds.push([255, 255, 255, 1]);
      const text = (el.textContent ?? '').trim().slice(0, 30);
      out.push({ what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${text}"`, color: parse(getComputedStyle(el).color), backgrounds });
    }
    return out;
  });
}

/** The contrast of a sample against the background it is drawn on. */
function sampleRatio(s: TextSample): number {
  let bg: Rgba = [255, 255, 255, 1];
  for (const b of [...s.backgrounds].reverse()) bg = over(b, bg);
  return contrastRatio(over(s.color, bg), bg);
}

describe('viewer text contrast', () => {
  let fx: ViewerFixture;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    ({ fx, page, errors } = await openViewer(KRACKHARDT, 'krack', {}, '#sel=A17'));
    await page.locator('section.actor[data-actor="A17"]').waitFor();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('the ratio follows WCAG: black on white 21, white on white 1, #767676 on white about 4.54', () => {
    expect(contrastRatio([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 9);
    expect(contrastRatio([255, 255, 255, 1], [255, 255, 255, 1])).toBe(1);
    expect(contrastRatio([0x76, 0x76, 0x76, 1], [255, 255, 255, 1])).toBeCloseTo(4.542, 3);
  });

  it(`every text on every tab has a contrast of at least ${MIN_RATIO}`, async () => {
    const low: string[] = [];
    const seen = new Set<string>();
    const check = async (where: string): Promise<void> => {
      for (const s of await textSamples(page)) {
        seen.add(s.what.split(' ')[0]!);
        const r = sampleRatio(s);
        if (r < MIN_RATIO) low.push(`${where}: ${s.what} ${r.toFixed(2)}`);
      }
    };
    for (const tab of TABS) {
      await page.locator(`.tabs [data-tab="${tab}"]`).click();
      await expect.poll(() => page.locator(`.tabs [data-tab="${tab}"]`).getAttribute('aria-selected')).toBe('true');
      if (tab !== 'whatif') await page.locator('#panel table, #panel p').first().waitFor();
      await check(tab);
    }
    // The status line and the search suggestions.
    await page.locator('#search').fill('A1');
    await page.locator('#suggestions li').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await check('search');
    await page.locator('#search').fill('');
    await page.evaluate(() => (document.getElementById('status')!.textContent = 'Link copied.'));
    await check('status');
    // The samples covered what the issue names: toolbar, buttons, tabs, panel, legend, status.
    for (const w of ['h1', 'label', 'button#export-png', 'button', 'li', 'th', 'td', 'p#status', 'li.legend-title', 'span.muted', 'strong']) expect([...seen].some((s) => s.startsWith(w)), w).toBe(true);
    expect(low).toEqual([]);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
