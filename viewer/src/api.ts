// The REST API as the viewer sees it: typed fetches of /api/... (shapes as in the server's
// response schemas). Errors become exceptions carrying the server's `error` sentence.
export type ScoreValue = number | string | boolean | null;

export interface RunRecord {
  id: string;
  dataset: string;
  status: 'running' | 'done' | 'failed';
  createdAt: string;
  finishedAt?: string;
  version?: string;
  parameters: Record<string, unknown>;
  counts?: { actors: number; interactions: number; ties: number; skipped: number };
  modularity?: number;
  timings: Record<string, number>;
  betweenness?: { mode: 'exact' | 'sampled'; samples?: number; errorBound?: number };
  notes: string[];
}

export interface NodeItem {
  id: string;
  label: string;
  attributes: Record<string, string>;
  metrics: Record<string, ScoreValue>;
}

export interface TieItem {
  other: string;
  label: string;
  strength: ScoreValue;
  [column: string]: ScoreValue;
}

export interface NodeDetail {
  id: string;
  label: string;
  attributes: Record<string, string>;
  group: string | null;
  groupAttribute: string | null;
  metrics: Record<string, ScoreValue>;
  percentiles: Record<string, number | null>;
  explanation: string;
  ties: TieItem[];
}

export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'undirected'; multi: boolean; allowSelfLoops: boolean };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

export interface EdgeItem {
  source: string;
  target: string;
  [column: string]: ScoreValue;
}
export interface EdgeList {
  total: number;
  items: EdgeItem[];
  note?: string;
}

/** How GET /nodes sorts and filters: by a metric (or id, label; default id), ascending unless `order` says otherwise, one group's actors. */
export interface NodeQuery {
  sort?: string;
  order?: 'asc' | 'desc';
  group?: string;
}

export interface BrokerItem {
  rank: number;
  id: string;
  label: string;
  group: string | null;
  betweenness: number | null;
  constraint: number | null;
  metrics: Record<string, ScoreValue>;
}

export interface ClusterSummary {
  key: string | null;
  size: number;
  internalTies: number;
  externalTies: number;
  internalStrength: number;
  externalStrength: number;
  cohesion: number | null;
  topMembers: { id: string; label: string; score: number | null }[];
  /** Members with ties to actors outside, most such ties first (then by id); at most `top`. */
  outsideHolders: { id: string; label: string; outsideTies: number; outsideStrength?: number }[];
}
export interface ClusterList {
  attribute: string | null;
  rankedBy: string | null;
  items: ClusterSummary[];
  note?: string;
}

export interface ComponentStats {
  actors: number;
  components: number;
  largestComponent: number;
  fragmentation: number;
}
export interface WhatIfResult {
  removed: string[];
  before: ComponentStats;
  after: ComponentStats;
  pairsDisconnected: number;
  pairsDisconnectedShare: number;
  splitOff: { size: number; members: string[] }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const r = await fetch(path, init);
  const text = await r.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!r.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `${r.status} ${r.statusText}`;
    throw new ApiError(r.status, message);
  }
  return body as T;
}

const run = (id: string): string => `/api/runs/${encodeURIComponent(id)}`;
/** A query string of the defined values, in order. */
const query = (q: Record<string, string | number | undefined>): string =>
  new URLSearchParams(Object.entries(q).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]]))).toString();
const actor = (id: string, a: string): string => `${run(id)}/nodes/${encodeURIComponent(a)}`;

export const api = {
  runs: (): Promise<{ items: RunRecord[] }> => request('/api/runs'),
  run: (id: string): Promise<RunRecord> => request(run(id)),
  graph: (id: string, level: 'auto' | 'actors' | 'communities'): Promise<SerializedGraph> => request(`${run(id)}/graph?level=${level}`),
  /** A page of the run's actors, by id unless `q` sorts otherwise, all or those of one group. */
  nodes: (id: string, limit: number, offset = 0, q: NodeQuery = {}): Promise<{ total: number; items: NodeItem[] }> =>
    request(`${run(id)}/nodes?${query({ sort: q.sort ?? 'id', order: q.order ?? 'asc', limit, offset, group: q.group })}`),
  node: (id: string, a: string): Promise<NodeDetail> => request(actor(id, a)),
  /** The broker ranking (betweenness descending, then constraint ascending), of one group if given. */
  brokers: (id: string, limit: number, group?: string): Promise<{ total: number; items: BrokerItem[]; note?: string }> => request(`${run(id)}/brokers?${query({ limit, group })}`),
  communities: (id: string): Promise<ClusterList> => request(`${run(id)}/communities?top=3`),
  groups: (id: string): Promise<ClusterList> => request(`${run(id)}/groups?top=3`),
  health: (id: string, limit: number, offset = 0): Promise<EdgeList> => request(`${run(id)}/health?limit=${limit}&offset=${offset}`),
  whatIf: (id: string, remove: string[]): Promise<WhatIfResult> =>
    request(`${run(id)}/whatif`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ remove }) }),
  exportUrl: (id: string, format: 'csv' | 'json' | 'gexf'): string => `${run(id)}/export?format=${format}`,
};
