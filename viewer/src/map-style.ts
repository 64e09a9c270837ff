// How actors and ties look: a categorical palette for the colour attribute (most frequent values
// first, the rest grey), a square-root size scale for the size metric, and one tie style per kind
// (bridge, weak bridge, cooling, strong, weak) from the flags the ties carry.
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#1f77b4', '#8c564b', '#17becf'] as const;
export const OTHER_COLOR = '#9a9a9a';
export const MIN_SIZE = 3;
export const MAX_SIZE = 15;

export interface ColorScale {
  /** Value → colour; values past the palette share OTHER_COLOR. */
  colorOf(value: string | null): string;
  /** Legend rows: value, colour, count of actors. */
  legend: { value: string; color: string; count: number }[];
}

export function colorScale(values: (string | null)[]): ColorScale {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v ?? '(none)', (counts.get(v ?? '(none)') ?? 0) + 1);
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const colors = new Map<string, string>();
  ordered.forEach(([v], i) => colors.set(v, i < PALETTE.length ? PALETTE[i]! : OTHER_COLOR));
  const legend = ordered.slice(0, PALETTE.length).map(([value, count]) => ({ value, color: colors.get(value)!, count }));
  const rest = ordered.slice(PALETTE.length).reduce((s, [, c]) => s + c, 0);
  if (rest > 0) legend.push({ value: `${ordered.length - PALETTE.length} other values`, color: OTHER_COLOR, count: rest });
  return { colorOf: (v) => colors.get(v ?? '(none)') ?? OTHER_COLOR, legend };
}

export interface SizeScale {
  sizeOf(v: number): number;
  lo: number;
  hi: number;
}

/** Square root scale of [lo, hi] onto [MIN_SIZE, MAX_SIZE] (missing values: MIN_SIZE). */
export function sizeScale(values: Float64Array): SizeScale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const sizeOf = (v: number): number => {
    if (Number.isNaN(v)) return MIN_SIZE;
    if (!(hi > lo)) return (MIN_SIZE + MAX_SIZE) / 2;
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt((v - lo) / (hi - lo));
  };
  return { sizeOf, lo, hi };
}

export type TieKind = 'bridge' | 'weak_bridge' | 'cooling' | 'strong' | 'weak';

export const TIE_STYLES: Record<TieKind, { color: string; label: string; help: string }> = {
  bridge: { color: '#c0392b', label: 'Bridge', help: 'the only path between its two sides: removing it splits the network' },
  weak_bridge: { color: '#e67e22', label: 'Weak bridge', help: 'a weak tie between two communities, or a local bridge (its ends share no contacts): it carries news between circles' },
  cooling: { color: '#2e86de', label: 'Cooling', help: 'recent contact has fallen well below this tie’s own baseline' },
  strong: { color: '#4a4a4a', label: 'Strong tie', help: 'strength above the strong threshold: frequent, reciprocal, multiplex' },
  weak: { color: '#c8c8c8', label: 'Weak tie', help: 'strength below the strong threshold' },
};

/** The tie's style, most telling flag first. */
export function tieKind(attrs: Record<string, unknown>): TieKind {
  if (attrs.bridge === true) return 'bridge';
  if (attrs.weak_bridge === true) return 'weak_bridge';
  if (attrs.cooling === true) return 'cooling';
  if (attrs.strong === true) return 'strong';
  return 'weak';
}

/** Numbers as the panels show them: 4 significant digits, integers as they are. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}
