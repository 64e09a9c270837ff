// Seeded synthetic organization: departments of 40–160 people (fewer only when n < 40), dense inside and sparse between,
// with a few hubs (about 1% of people) who hold many ties across departments.
// Inside a department of s people: a random path through everyone (so the department is connected)
// plus random distinct pairs up to 4 ties a person; across departments: 0.65 ties a person on
// average (Bernoulli-rounded), 15–34 for a hub, a fifth of them to a random hub. About 4.9 ties a
// person overall (10k → ~49k ties, 100k → ~490k). Tie weights are contact counts: 1 + ⌊3·Exp(1)⌋
// inside, 1 + ⌊Exp(1)⌋ across. Fully determined by (nodes, seed) through createRng.
// Output folder: nodes.csv (id,department) and edges.csv (source,target,weight), one row per tie,
// written in bounded chunks (a million people never build one large string).
// Cost: O(n + m) time; memory O(n + m) typed arrays plus a set of the cross-department pairs.
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../engine/metrics/random.js';

export const MIN_DEPARTMENT = 40;
export const MAX_DEPARTMENT = 160;
const INTERNAL_TIES_PER_PERSON = 4;
const CROSS_TIES_PER_PERSON = 0.65;
const HUB_SHARE = 0.01;
const HUB_MIN_CROSS = 15;
const HUB_CROSS_SPREAD = 20;
const TO_HUB_SHARE = 0.2;

export interface OrgOptions {
  /** People (nodes), a positive integer. */
  nodes: number;
  seed: number;
}

export interface OrgGraph {
  n: number;
  /** Department index of each person. */
  department: Int32Array;
  departments: number;
  /** 1 for the hubs. */
  hub: Uint8Array;
  /** Ties, one per unordered pair: endpoints and contact count. */
  source: Int32Array;
  target: Int32Array;
  weight: Int32Array;
}

export interface OrgWritten {
  nodes: number;
  ties: number;
  departments: number;
  hubs: number;
}

/** Growable tie list in typed arrays. */
class TieBuffer {
  source: Int32Array<ArrayBuffer> = new Int32Array(1024);
  target: Int32Array<ArrayBuffer> = new Int32Array(1024);
  weight: Int32Array<ArrayBuffer> = new Int32Array(1024);
  size = 0;

  push(a: number, b: number, w: number): void {
    if (this.size === this.source.length) {
      const grow = (x: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const y = new Int32Array(x.length * 2);
        y.set(x);
        return y;
      };
      this.source = grow(this.source);
      this.target = grow(this.target);
      this.weight = grow(this.weight);
    }
    this.source[this.size] = a;
    this.target[this.size] = b;
    this.weight[this.size++] = w;
  }
}

/** The organization graph for (nodes, seed), in memory. */
export function generateOrgGraph(opts: OrgOptions): OrgGraph {
  const n = opts.nodes;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`nodes must be a positive integer, got ${n}`);
  const rng = createRng(opts.seed);
  const below = (k: number): number => Math.floor(rng() * k);
  const count = (r: number) => 1 + Math.floor(-r * Math.log(1 - rng()));

  // Departments: consecutive blocks of people.
  const department = new Int32Array(n);
  const starts: number[] = [];
  for (let i = 0; i < n; ) {
    // The rest in one department when it fits, else a size that leaves at least MIN_DEPARTMENT.
    const rest = n - i;
    const size = rest <= MAX_DEPARTMENT ? rest : MIN_DEPARTMENT + below(Math.min(MAX_DEPARTMENT, rest - MIN_DEPARTMENT) - MIN_DEPARTMENT + 1);
    starts.push(i);
    department.fill(starts.length - 1, i, i + size);
    i += size;
  }
  starts.push(n);
  const departments = starts.length - 1;

  const ties = new TieBuffer();
  for (let d = 0; d < departments; d++) {
    const start = starts[d]!;
    const s = starts[d + 1]! - start;
    const seen = new Set<number>();
    const add = (a: number, b: number): void => {
      const key = a < b ? a * s + b : b * s + a;
      if (seen.has(key)) return;
      seen.add(key);
      ties.push(start + a, start + b, count(3));
    };
    const order = Int32Array.from({ length: s }, (_, i) => i);
    for (let i = s - 1; i > 0; i--) {
      const j = below(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (let i = 1; i < s; i++) add(order[i - 1]!, order[i]!);
    const want = Math.min(Math.round(INTERNAL_TIES_PER_PERSON * s), (s * (s - 1)) / 2);
    while (seen.size < want) {
      const a = below(s);
      const b = below(s);
      if (a !== b) add(a, b);
    }
  }

  const hub = new Uint8Array(n);
  const hubs: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rng() < HUB_SHARE) {
      hub[i] = 1;
      hubs.push(i);
    }
  }
  if (departments > 1) {
    const cross = new Set<number>();
    for (let i = 0; i < n; i++) {
      const k = hub[i] === 1 ? HUB_MIN_CROSS + below(HUB_CROSS_SPREAD) : Math.floor(CROSS_TIES_PER_PERSON) + (rng() < CROSS_TIES_PER_PERSON % 1 ? 1 : 0);
      for (let t = 0; t < k; t++) {
        const j = hubs.length > 0 && rng() < TO_HUB_SHARE ? hubs[below(hubs.length)]! : below(n);
        if (department[j] === department[i]) continue;
        const key = i < j ? i * n + j : j * n + i;
        if (cross.has(key)) continue;
        cross.add(key);
        ties.push(i, j, count(1));
      }
    }
  }
  return {
    n,
    department,
    departments,
    hub,
    source: ties.source.slice(0, ties.size),
    target: ties.target.slice(0, ties.size),
    weight: ties.weight.slice(0, ties.size),
  };
}

/** Person id of index i. */
export const personId = (i: number): string => `p${i}`;
/** Department name of index d. */
export const departmentName = (d: number): string => `dept-${d}`;

const CHUNK_CHARS = 1 << 20;

/** Writes `rows(i)` for i < count to a file, in chunks of about a megabyte, honouring backpressure. */
async function writeRows(file: string, header: string, count: number, row: (i: number) => string): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([err]) => Promise.reject(err as Error));
  failed.catch(() => undefined);
  let chunk = header + '\n';
  for (let i = 0; i < count; i++) {
    chunk += row(i) + '\n';
    if (chunk.length >= CHUNK_CHARS) {
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
      chunk = '';
    }
  }
  out.end(chunk);
  await Promise.race([once(out, 'finish'), failed]);
}

/** Writes the graph as a socap folder: nodes.csv (id,department) and edges.csv (source,target,weight). */
export async function writeOrgFolder(graph: OrgGraph, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await writeRows(join(dir, 'nodes.csv'), 'id,department', graph.n, (i) => `${personId(i)},${departmentName(graph.department[i]!)}`);
  await writeRows(join(dir, 'edges.csv'), 'source,target,weight', graph.source.length, (e) => `${personId(graph.source[e]!)},${personId(graph.target[e]!)},${graph.weight[e]}`);
}

/** Generates the organization for (nodes, seed) and writes it into `out`. */
export async function generateOrg(opts: OrgOptions & { out: string }): Promise<OrgWritten> {
  const graph = generateOrgGraph(opts);
  await writeOrgFolder(graph, opts.out);
  let hubs = 0;
  for (let i = 0; i < graph.n; i++) hubs += graph.hub[i]!;
  return { nodes: graph.n, ties: graph.source.length, departments: graph.departments, hubs };
}
