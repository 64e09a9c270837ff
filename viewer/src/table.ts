// Sortable tables for the panels (click or Enter on a header sorts; rows can be activated), each
// with its own CSV download: the rows in the order shown, the values unrounded. A panel may show
// several tables (groups and communities; an actor's ties and cooling ties), so the export belongs
// to the table, not to the panel. A table showing one page of a longer list can hand its sorting
// to the caller (`sorted`), which fetches the rows in the new order and renders the table again.
import { h } from './dom.js';
import { formatValue } from './map-style.js';

export type Cell = string | number | null;

export interface TableSpec {
  name: string;
  /**
   * `sortable: false`: the header is plain text (no sort on click or key). `list`: the cell is a
   * comma-separated list, shown wrapping only between its items.
   */
  columns: { key: string; label: string; numeric?: boolean; sortable?: boolean; list?: boolean }[];
  rows: Cell[][];
  /** Row activation (click / Enter): gets the row index in `rows`. */
  onRow?: (row: number) => void;
  /** The CSV file's name without extension; default `socap-<name>`. */
  file?: string;
  /**
   * Sorting done by the caller (e.g. by the server, over more rows than the table holds): `rows`
   * are already in the order of `column` (null: their own order) and `desc`; a header click or
   * Enter/Space calls `by` with the column and direction asked for (as for a table sorting itself:
   * the sorted column flips, another column starts descending if numeric, else ascending), and the
   * table does not reorder its rows.
   */
  sorted?: { column: number | null; desc: boolean; by: (column: number, desc: boolean) => void };
}

function csvField(v: Cell): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 text of the table: a header of the column labels, then `rows` (CRLF line ends). */
export function tableCsv(t: Pick<TableSpec, 'columns' | 'rows'>): string {
  const lines = [t.columns.map((c) => csvField(c.label)).join(',')];
  for (const r of t.rows) lines.push(r.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Hands `text` to the browser as a download named `file`. */
export function downloadText(text: string, file: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A cell's text; a list's items each kept on one line (the text stays the same). */
function cellContent(c: Cell, list: boolean): (string | HTMLElement)[] {
  const text = formatValue(c);
  if (!list || typeof c !== 'string') return [text];
  return text.split(', ').flatMap((item, k) => [...(k ? [', '] : []), h('span', { class: 'nowrap' }, item)]);
}

/** The table under a bar with its row count and its CSV button (`button.table-csv`). */
export function renderTable(t: TableSpec): HTMLElement {
  let sortCol = t.sorted?.column ?? -1;
  let desc = t.sorted?.desc ?? false;
  const order = t.rows.map((_, i) => i);
  const body = h('tbody');
  const fill = (): void => {
    body.replaceChildren(
      ...order.map((ri) => {
        const row = t.rows[ri]!;
        // A focusable row needs its own accessible name (Chromium gives a focusable row none).
        const name = t.columns.map((c, ci) => `${c.label} ${formatValue(row[ci] ?? null)}`).join(', ');
        const tr = h('tr', t.onRow ? { tabindex: 0, class: 'clickable', 'aria-label': name } : {}, ...row.map((c, ci) => h('td', { class: t.columns[ci]!.numeric ? 'num' : '' }, ...cellContent(c, t.columns[ci]!.list === true))));
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
    const nextDesc = sortCol === ci ? !desc : Boolean(t.columns[ci]!.numeric);
    desc = nextDesc;
    sortCol = ci;
    const marks = (): void =>
      head.querySelectorAll<HTMLTableCellElement>('th[tabindex]').forEach((th) => th.setAttribute('aria-sort', th.cellIndex === sortCol ? (desc ? 'descending' : 'ascending') : 'none'));
    if (t.sorted) {
      // The caller fetches the rows in the new order; meanwhile this table already shows the new
      // sort, so a second click before the rows arrive flips it instead of repeating the first.
      marks();
      return t.sorted.by(ci, nextDesc);
    }
    order.sort((a, b) => {
      const x = t.rows[a]![ci] ?? null;
      const y = t.rows[b]![ci] ?? null;
      if (x === y) return a - b;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = x < y ? -1 : 1;
      return desc ? -c : c;
    });
    marks();
    fill();
  };
  const head = h(
    'tr',
    {},
    ...t.columns.map((c, ci) => {
      if (c.sortable === false) return h('th', { scope: 'col', class: c.numeric ? 'num' : '', style: 'cursor: default' }, c.label);
      const sort = t.sorted?.column === ci ? (t.sorted.desc ? 'descending' : 'ascending') : 'none';
      const th = h('th', { scope: 'col', tabindex: 0, class: c.numeric ? 'num' : '', 'aria-sort': sort, title: `sort by ${c.label}` }, c.label);
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
  const label = t.name.replace(/-/g, ' ');
  const csv = h('button', { type: 'button', class: 'small table-csv', title: `download this table as CSV, in the order shown`, 'aria-label': `Download the ${label} table as CSV` }, 'CSV');
  csv.addEventListener('click', () => downloadText(tableCsv({ columns: t.columns, rows: order.map((ri) => t.rows[ri]!) }), `${t.file ?? `socap-${t.name}`}.csv`, 'text/csv'));
  return h(
    'div',
    { class: 'table-block' },
    h('div', { class: 'table-bar' }, h('span', { class: 'muted' }, `${t.rows.length} ${t.rows.length === 1 ? 'row' : 'rows'}`), csv),
    h('table', { class: 'data', 'data-table': t.name }, h('thead', {}, head), body),
  );
}
