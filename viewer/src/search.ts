// Actor search with autocomplete over ids, labels and attribute values: exact matches first, then
// prefixes, then substrings (ties by label). Arrow keys move through the suggestions, Enter picks
// the highlighted one (or the best), Escape closes the list.
import { h } from './dom.js';

export interface SearchEntry {
  id: string;
  label: string;
  /** Attribute values, shown and matched. */
  attributes: Record<string, string>;
}

const MAX_SUGGESTIONS = 8;

export function searchActors(entries: SearchEntry[], query: string, limit = MAX_SUGGESTIONS): { entry: SearchEntry; rank: number; field: string }[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: { entry: SearchEntry; rank: number; field: string }[] = [];
  for (const e of entries) {
    let best = Infinity;
    let field = '';
    const consider = (text: string, name: string, base: number): void => {
      const t = text.toLowerCase();
      const r = t === q ? base : t.startsWith(q) ? base + 1 : t.includes(q) ? base + 2 : Infinity;
      if (r < best) {
        best = r;
        field = name;
      }
    };
    consider(e.id, 'id', 0);
    consider(e.label, 'label', 0);
    for (const [k, v] of Object.entries(e.attributes)) consider(v, k, 3);
    if (best < Infinity) hits.push({ entry: e, rank: best, field });
  }
  hits.sort((a, b) => a.rank - b.rank || (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0));
  return hits.slice(0, limit);
}

export function mountSearch(input: HTMLInputElement, list: HTMLUListElement, entries: () => SearchEntry[], pick: (id: string) => void): void {
  let hits: ReturnType<typeof searchActors> = [];
  let active = -1;
  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const render = (): void => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const extra = hit.field !== 'id' && hit.field !== 'label' ? ` — ${hit.field}: ${hit.entry.attributes[hit.field]}` : hit.entry.label !== hit.entry.id ? ` (${hit.entry.id})` : '';
        const li = h('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false' }, h('strong', {}, hit.entry.label), extra);
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${active}`);
  };
  const choose = (i: number): void => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.entry.label;
    close();
    pick(hit.entry.id);
  };
  input.addEventListener('input', () => {
    hits = searchActors(entries(), input.value);
    active = -1;
    render();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1) + (active < 0 && e.key === 'ArrowUp' ? 1 : 0)) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!hits.length) hits = searchActors(entries(), input.value);
      choose(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', close);
}
