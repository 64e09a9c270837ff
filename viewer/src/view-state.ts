// The whole view as one value, and its round trip through the URL hash, so a link opens the same
// view: run, colouring, sizing, filters, selection, drill-down and camera.
export interface Range {
  min?: number;
  max?: number;
}

export interface ViewState {
  /** Run id; `latest` when none is chosen. */
  run: string;
  /** `community`, or an actor attribute name. */
  color: string;
  /** A numeric metric column, or '' for the server's sizes. */
  size: string;
  /** Metric ranges, by column. */
  ranges: Record<string, Range>;
  /** Attribute whose values `terms` keeps, and the kept values (empty = all). */
  termsAttr: string;
  terms: string[];
  strongOnly: boolean;
  /** 0 = off; 1 or 2 = only actors within this many hops of the selection. */
  egoRadius: number;
  giantOnly: boolean;
  minDegree: number;
  selected: string | null;
  /** Community drilled into on a community-level map (null = none). */
  community: number | null;
  /** Force the actor-level map on a large run. */
  allActors: boolean;
  camera: { x: number; y: number; ratio: number } | null;
}

export const DEFAULT_VIEW: ViewState = {
  run: 'latest',
  color: 'community',
  size: '',
  ranges: {},
  termsAttr: '',
  terms: [],
  strongOnly: false,
  egoRadius: 0,
  giantOnly: false,
  minDegree: 0,
  selected: null,
  community: null,
  allActors: false,
  camera: null,
};

const round = (v: number): string => String(Math.round(v * 10000) / 10000);

/** The hash (without '#') for a view; defaults are left out. */
export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.run !== DEFAULT_VIEW.run) p.set('run', v.run);
  if (v.color !== DEFAULT_VIEW.color) p.set('color', v.color);
  if (v.size) p.set('size', v.size);
  for (const [metric, r] of Object.entries(v.ranges)) {
    if (r.min !== undefined || r.max !== undefined) p.set(`range.${metric}`, `${r.min ?? ''}..${r.max ?? ''}`);
  }
  if (v.termsAttr && v.terms.length) {
    p.set('terms', v.termsAttr);
    for (const t of v.terms) p.append('term', t);
  }
  if (v.strongOnly) p.set('strong', '1');
  if (v.egoRadius) p.set('ego', String(v.egoRadius));
  if (v.giantOnly) p.set('giant', '1');
  if (v.minDegree) p.set('mindeg', String(v.minDegree));
  if (v.selected !== null) p.set('sel', v.selected);
  if (v.community !== null) p.set('community', String(v.community));
  if (v.allActors) p.set('all', '1');
  if (v.camera) p.set('cam', `${round(v.camera.x)},${round(v.camera.y)},${round(v.camera.ratio)}`);
  return p.toString();
}

function num(s: string | null): number | undefined {
  if (s === null || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** The view a hash describes; anything missing or malformed takes its default. */
export function decodeView(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const v: ViewState = { ...DEFAULT_VIEW, ranges: {}, terms: [] };
  v.run = p.get('run') || DEFAULT_VIEW.run;
  v.color = p.get('color') || DEFAULT_VIEW.color;
  v.size = p.get('size') ?? '';
  for (const [k, val] of p) {
    if (!k.startsWith('range.')) continue;
    const [lo = '', hi = ''] = val.split('..');
    const r: Range = {};
    const min = num(lo);
    const max = num(hi);
    if (min !== undefined) r.min = min;
    if (max !== undefined) r.max = max;
    v.ranges[k.slice('range.'.length)] = r;
  }
  v.termsAttr = p.get('terms') ?? '';
  v.terms = v.termsAttr ? p.getAll('term') : [];
  v.strongOnly = p.get('strong') === '1';
  const ego = num(p.get('ego'));
  v.egoRadius = ego === 1 || ego === 2 ? ego : 0;
  v.giantOnly = p.get('giant') === '1';
  v.minDegree = Math.max(0, Math.floor(num(p.get('mindeg')) ?? 0));
  v.selected = p.get('sel');
  const c = num(p.get('community'));
  v.community = c === undefined ? null : c;
  v.allActors = p.get('all') === '1';
  const cam = (p.get('cam') ?? '').split(',').map(Number);
  v.camera = cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0 ? { x: cam[0]!, y: cam[1]!, ratio: cam[2]! } : null;
  return v;
}
