// Sortable tables for the panels (click or Enter on a header sorts; rows can be activated), and
// the CSV of whatever table was rendered or sorted last ("export current table"), rows in the order
// shown.
import { h } from './dom.js';
import { formatValue } from './map-style.js';

export type Cell = string | number | null;

export interface TableSpec {
  name: string;
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: Cell[][];
  /** Row activation (click / Enter): gets the row index in `rows`. */
  onRow?: (row: number) => void;
}

let current: TableSpec | null = null;

export function currentTable(): TableSpec | null {
  return current;
}

function csvField(v: Cell): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableCsv(t: TableSpec): string {
  const lines = [t.columns.map((c) => csvField(c.label)).join(',')];
  for (const r of t.rows) lines.push(r.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function renderTable(t: TableSpec): HTMLTableElement {
  current = t;
  let sortCol = -1;
  let desc = false;
  const order = t.rows.map((_, i) => i);
  const body = h('tbody');
  const fill = (): void => {
    body.replaceChildren(
      ...order.map((ri) => {
        const row = t.rows[ri]!;
        const tr = h('tr', t.onRow ? { tabindex: 0, class: 'clickable' } : {}, ...row.map((c, ci) => h('td', { class: t.columns[ci]!.numeric ? 'num' : '' }, formatValue(c))));
        if (t.onRow) {
          const go = (): void => t.onRow!(ri);
          tr.addEventListener('click', go);
          tr.addEventListener('keydown', (e) => {
            if (e.key === 'Enter') go();
          });
        }
        return tr;
      }),
    );
  };
  const sortBy = (ci: number): void => {
    desc = sortCol === ci ? !desc : Boolean(t.columns[ci]!.numeric);
    sortCol = ci;
    order.sort((a, b) => {
      const x = t.rows[a]![ci] ?? null;
      const y = t.rows[b]![ci] ?? null;
      if (x === y) return a - b;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = x < y ? -1 : 1;
      return desc ? -c : c;
    });
    head.querySelectorAll('th').forEach((th, i) => th.setAttribute('aria-sort', i === sortCol ? (desc ? 'descending' : 'ascending') : 'none'));
    current = { name: t.name, columns: t.columns, rows: order.map((ri) => t.rows[ri]!) };
    fill();
  };
  const head = h(
    'tr',
    {},
    ...t.columns.map((c, ci) => {
      const th = h('th', { scope: 'col', tabindex: 0, class: c.numeric ? 'num' : '', 'aria-sort': 'none', title: `sort by ${c.label}` }, c.label);
      th.addEventListener('click', () => sortBy(ci));
      th.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sortBy(ci);
        }
      });
      return th;
    }),
  );
  fill();
  return h('table', { class: 'data', 'data-table': t.name }, h('thead', {}, head), body);
}
