// The broker leaderboard: the first page of the run's actors, all of them or one group's, in the
// broker ranking (GET /brokers: betweenness descending, then constraint ascending) or sorted by a
// column over the whole run, not only the page shown (GET /nodes?sort=&order=&group=: ties by id,
// actors without a value last). Columns: position, actor, group, betweenness, constraint,
// effective size, social capital and the Gould–Fernandez role counts, those the run has. A row
// selects the actor on the map. The group and the order chosen stay while the run stays.
import { api, type ClusterList, type RunRecord, type ScoreValue } from '../api.js';
import { clear, h } from '../dom.js';
import { renderTable, type Cell } from '../table.js';

/** The metric columns, in the table's order; a run's table has those in its metrics. */
const METRICS = ['betweenness', 'constraint', 'effective_size', 'social_capital', 'coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'];

/** What the board shows: one group (null = all) and a sort (null = the broker ranking). */
interface Board {
  group: string | null;
  sort: { key: string; desc: boolean } | null;
}

interface Row {
  id: string;
  label: string;
  group: string | null;
  metrics: Record<string, ScoreValue>;
}

interface Page {
  total: number;
  rows: Row[];
  note?: string;
}

/** The board of the run last shown, kept while the tab is left and opened again. */
let kept: { run: string; board: Board } | null = null;

/** The run's group attribute (the server's rule: the `group` parameter, when a non-empty string). */
function groupAttributeOf(run: RunRecord): string | null {
  const g = run.parameters.group;
  return typeof g === 'string' && g !== '' ? g : null;
}

async function fetchPage(run: string, attr: string | null, board: Board, limit: number): Promise<Page> {
  const group = board.group ?? undefined;
  if (board.sort === null) {
    const b = await api.brokers(run, limit, group);
    return { total: b.total, note: b.note, rows: b.items.map((i) => ({ id: i.id, label: i.label, group: i.group, metrics: i.metrics })) };
  }
  const n = await api.nodes(run, limit, 0, { sort: board.sort.key, order: board.sort.desc ? 'desc' : 'asc', group });
  // An actor's group as the server reads it: its attribute, or its community when grouped by a
  // `community` attribute the actors lack.
  const groupOf = (attributes: Record<string, string>, metrics: Record<string, ScoreValue>): string | null => {
    if (attr === null) return null;
    if (attr === 'community' && !(attr in attributes)) return metrics.community === null || metrics.community === undefined ? null : String(metrics.community);
    return attributes[attr] ?? null;
  };
  return { total: n.total, rows: n.items.map((i) => ({ id: i.id, label: i.label, group: groupOf(i.attributes, i.metrics), metrics: i.metrics })) };
}

function orderText(board: Board): string {
  const s = board.sort;
  if (s === null) return 'by betweenness, then lowest constraint';
  if (s.key === 'label') return `by label, ${s.desc ? 'Z to A' : 'A to Z'}`;
  return `by ${s.key.replace(/_/g, ' ')}, ${s.desc ? 'highest' : 'lowest'} first (no value: last)`;
}

/**
 * The leaderboard of `run`: its first page fetched (errors thrown), later pages fetched on a group
 * or sort change (errors shown in the panel). `limit` rows at most.
 */
export async function brokerPanel(run: RunRecord, limit: number, select: (id: string) => void): Promise<HTMLElement> {
  const attr = groupAttributeOf(run);
  const board: Board = kept?.run === run.id ? { ...kept.board } : { group: null, sort: null };
  kept = { run: run.id, board };
  const [first, groups] = await Promise.all([fetchPage(run.id, attr, board, limit), attr === null ? null : api.groups(run.id)]);

  const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  const body = h('div');
  const failure = h('p', { class: 'error', role: 'alert', hidden: true });
  const section = h('section', { class: 'brokers' }, h('h2', {}, 'Brokers'));

  if (groups !== null) {
    const choices: ClusterList['items'] = groups.items.filter((g) => g.key !== null);
    const all = groups.items.reduce((s, g) => s + g.size, 0);
    const picker = h(
      'select',
      { id: 'broker-group' },
      h('option', { value: '' }, `All groups (${all})`),
      ...choices.map((g) => h('option', { value: g.key!, selected: g.key === board.group }, `${g.key} (${g.size})`)),
    );
    // The option's index, not its value: a group may be named like the "all" option's value.
    picker.addEventListener('change', () => {
      board.group = picker.selectedIndex > 0 ? choices[picker.selectedIndex - 1]!.key : null;
      void show();
    });
    section.append(h('label', { class: 'broker-group' }, `${attr} `, picker));
  }
  section.append(summary, failure, body);

  let seq = 0;
  const render = (page: Page, focusColumn?: number): void => {
    const where = board.group === null ? '' : ` in ${attr} ${board.group}`;
    summary.textContent = `Top ${page.rows.length} of ${page.total}${where} ${orderText(board)}.${page.note ? ` ${page.note}` : ''}`;
    if (!page.rows.length) return clear(body);
    const metrics = METRICS.filter((m) => m in page.rows[0]!.metrics);
    const keys = ['rank', 'label', ...(attr === null ? [] : ['group']), ...metrics];
    const sortColumn = board.sort === null ? 0 : keys.indexOf(board.sort.key);
    const cellOf = (r: Row, k: number, key: string): Cell => {
      if (key === 'rank') return k + 1;
      if (key === 'label') return r.label;
      if (key === 'group') return r.group;
      const v = r.metrics[key];
      return v === undefined || typeof v === 'boolean' ? null : v;
    };
    const table = renderTable({
      name: 'brokers',
      columns: keys.map((key) =>
        key === 'rank'
          ? { key, label: '#', numeric: true }
          : key === 'label'
            ? { key, label: 'actor' }
            : key === 'group'
              ? { key, label: 'group', sortable: false }
              : { key, label: key.replace(/_/g, ' '), numeric: true },
      ),
      rows: page.rows.map((r, k) => keys.map((key) => cellOf(r, k, key))),
      onRow: (i) => select(page.rows[i]!.id),
      sorted: {
        column: sortColumn,
        desc: board.sort?.desc ?? false,
        by: (ci, desc) => {
          const key = keys[ci]!;
          board.sort = key === 'rank' ? null : { key, desc };
          const focused = document.activeElement;
          void show(focused instanceof HTMLTableCellElement && table.contains(focused) ? ci : undefined);
        },
      },
    });
    clear(body, table);
    if (focusColumn !== undefined) table.querySelectorAll<HTMLElement>('thead th')[focusColumn]?.focus();
  };
  const show = async (focusColumn?: number): Promise<void> => {
    const mine = ++seq;
    section.setAttribute('aria-busy', 'true');
    try {
      const page = await fetchPage(run.id, attr, board, limit);
      if (mine === seq) {
        failure.hidden = true;
        render(page, focusColumn);
      }
    } catch (e) {
      if (mine === seq) {
        failure.textContent = `Could not load the leaderboard: ${(e as Error).message}`;
        failure.hidden = false;
      }
    } finally {
      if (mine === seq) section.removeAttribute('aria-busy');
    }
  };
  render(first);
  return section;
}
