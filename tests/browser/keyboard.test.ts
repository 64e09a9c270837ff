// The viewer without a mouse, in headless Chromium against the real server over a scored Krackhardt
// run: Tab alone reaches the search box, the colour and size pickers, the exports, every filter
// and every tab button; typing a name in the search box and pressing Enter selects the actor and
// opens its panel; Enter and Space on a tab button switch the tab; arrow keys change the colour
// picker (and the legend follows); Space toggles a filter checkbox (and the count follows); Enter
// on the PNG button downloads the map. Every focusable or interactive element on every tab has an
// accessible name, as Chromium's accessibility tree computes it (label, aria-label or text).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRACKHARDT } from '../server/harness.js';
import { openViewer, type ViewerFixture } from './viewer-harness.js';

const TABS = ['actor', 'brokers', 'groups', 'health', 'whatif', 'run'] as const;
/** Roles a user operates: each needs a name. */
const INTERACTIVE_ROLES = new Set(['button', 'link', 'combobox', 'textbox', 'searchbox', 'checkbox', 'spinbutton', 'tab', 'tabpanel', 'radio', 'slider', 'listbox', 'menuitem']);

/** What has the focus: its id, its tab name, or its tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el.dataset.tab) return `tab:${el.dataset.tab}`;
    if (el.id) return `#${el.id}`;
    return `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 30)}`;
  });
}

/** Presses Tab until `target` has the focus (at most `limit` presses); the stops on the way. */
async function tabTo(page: Page, target: string, limit = 80): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(f);
    if (f === target) return seen;
  }
  throw new Error(`Tab never reached ${target}; stops: ${seen.join(' ')}`);
}

const count = async (page: Page): Promise<number> => Number(await page.locator('#count').getAttribute('data-nodes'));

describe('viewer from the keyboard', () => {
  let fx: ViewerFixture;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    ({ fx, page, errors } = await openViewer(KRACKHARDT, 'krack'));
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('Tab reaches the pickers, search, exports, every filter and every tab, in that order', async () => {
    await page.locator('h1').click();
    const stops = await tabTo(page, 'tab:run');
    const order = ['#color-select', '#size-select', '#search', '#export-png', '#export-gexf', '#copy-link', '#range-metric', '#range-min', '#range-max', '#terms-attr', '#strong-only', '#giant-only', '#ego-radius', '#min-degree', '#reset-filters', ...TABS.map((t) => `tab:${t}`)];
    const at = order.map((o) => stops.indexOf(o));
    expect(at.filter((i) => i < 0), `missing from ${stops.join(' ')}`).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('search: Tab to the box, type a name, Enter selects the actor and opens its panel', async () => {
    await page.locator('h1').click();
    await tabTo(page, '#search');
    await page.keyboard.type('A17');
    await expect.poll(() => page.locator('#suggestions li').first().textContent()).toBe('A17');
    await page.keyboard.press('Enter');
    await page.locator('section.actor[data-actor="A17"]').waitFor();
    expect(await page.locator('.tabs [data-tab="actor"]').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('sel=A17');
    // Arrow keys pick a suggestion other than the first.
    await page.locator('#search').fill('');
    await page.keyboard.type('A0');
    await expect.poll(() => page.locator('#suggestions li').count()).toBeGreaterThan(2);
    const second = (await page.locator('#suggestions li').nth(1).locator('strong').textContent())!;
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search').getAttribute('aria-activedescendant')).toBe('suggestion-1');
    await page.keyboard.press('Enter');
    await page.locator(`section.actor[data-actor="${second}"]`).waitFor();
  });

  it('tabs: Enter and Space on a focused tab button switch the tab', async () => {
    await page.locator('.tabs [data-tab="actor"]').focus();
    await tabTo(page, 'tab:brokers');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tabs [data-tab="brokers"]').getAttribute('aria-selected')).toBe('true');
    await page.locator('#panel table').first().waitFor();
    expect(await page.locator('.tabs [data-tab="actor"]').getAttribute('aria-selected')).toBe('false');
    await tabTo(page, 'tab:run');
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('.tabs [data-tab="run"]').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('#panel').textContent()).toContain('krack');
  });

  it('pickers and filters: arrow keys change the colour, Space toggles a filter, Enter exports', async () => {
    const colors = await page.locator('#color-select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(colors[0]).toBe('community');
    await page.locator('#color-select').focus();
    expect(await page.locator('#color-select').inputValue()).toBe('community');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#color-select').inputValue()).toBe(colors[1]);
    await expect.poll(() => page.locator('#legend .legend-title').textContent()).toBe(colors[1]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('#legend .legend-title').textContent()).toBe('community');

    const ties = async (): Promise<number> => Number(await page.locator('#count').getAttribute('data-edges'));
    const allTies = await ties();
    const strong = ((await (await fetch(`${fx.server.url}/api/runs/latest/edges?limit=1000`)).json()) as { items: { strong: boolean }[] }).items.filter((e) => e.strong).length;
    expect(strong).toBeLessThan(allTies);
    await page.locator('#strong-only').focus();
    await page.keyboard.press(' ');
    await expect.poll(ties).toBe(strong);
    await page.keyboard.press(' ');
    await expect.poll(ties).toBe(allTies);

    await page.locator('#min-degree').focus();
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#min-degree').inputValue()).toBe('1');
    expect(await count(page)).toBe(21);

    await page.locator('#export-png').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    await page.locator('#reset-filters').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#min-degree').inputValue()).toBe('0');
  });

  it('every interactive element on every tab has an accessible name', async () => {
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${fx.server.url}/#sel=A17`);
    await page.locator('section.actor[data-actor="A17"]').waitFor();
    const unnamed: string[] = [];
    let checked = 0;
    for (const tab of TABS) {
      await page.locator(`.tabs [data-tab="${tab}"]`).click();
      await expect.poll(() => page.locator(`.tabs [data-tab="${tab}"]`).getAttribute('aria-selected')).toBe('true');
      if (tab !== 'actor' && tab !== 'whatif') await page.locator('#panel table, #panel .muted, #panel dl').first().waitFor();
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] }[] };
      for (const n of nodes) {
        if (n.ignored) continue;
        const role = n.role?.value ?? '';
        const focusable = n.properties?.some((p) => p.name === 'focusable' && p.value.value === true) ?? false;
        if (!INTERACTIVE_ROLES.has(role) && !focusable) continue;
        if (role === 'RootWebArea') continue;
        checked++;
        if (!(n.name?.value ?? '').trim()) unnamed.push(`${tab}: ${role}`);
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(unnamed).toEqual([]);
    await cdp.detach();
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
