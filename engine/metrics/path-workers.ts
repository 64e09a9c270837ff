// Betweenness, closeness and harmonic centrality on worker threads: the same single-source pass
// and finish as `computePathCentralities` (path-centralities.ts, which matches NetworkX), with the
// sources split into a fixed number of contiguous lanes that threads claim one at a time (dynamic
// balance). The CSR and the half-edge lengths are copied once into SharedArrayBuffers.
// Summation: closeness and harmonic sums are per source, each written once, so they are bitwise
// those of `computePathCentralities`. Betweenness sums each lane in source order and adds the lane
// sums in lane order, whatever thread ran them: the result depends only on the graph and the
// options, never on the thread count or scheduling, and differs from the one-lane sequential sum
// only by float rounding (|Δ| ≤ 1e-12 on normalized values; the tests check it). Sampled closeness
// and harmonic (target sums, written by every pivot) are lane sums added in lane order likewise.
// Small graphs (n < `minParallelNodes`) run `computePathCentralities` itself, in process.
// Cost: as computePathCentralities divided by the threads, plus O(n + m) to copy the CSR and
// O(lanes · n) to zero and add lane sums; memory O(n + m) shared plus O(n) per lane in flight.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Csr } from '../graph/csr.js';
import { RunCancelledError, throwIfAborted } from '../run/cancel.js';
import { computePathCentralities, finishPathCentralities, planPathPass, type PathCentralities, type PathCentralityOptions } from './path-centralities.js';
import { shortestLength } from './sampled-closeness.js';
import { accumulateSources, pathLengths, ShortestPathWorkspace, type PathSums } from './single-source-paths.js';

/** Lanes the sources are cut into, whatever the thread count (the betweenness sum order). */
export const PATH_LANES = 128;
/** Below this many nodes the pass runs in process, as `computePathCentralities`. */
export const DEFAULT_MIN_PARALLEL_NODES = 2000;

export interface ParallelPathOptions extends PathCentralityOptions {
  /** Worker threads; 0 = all cores (`os.availableParallelism()`); 1 = in process. */
  threads: number;
  /** Graphs with fewer nodes run in process; default `DEFAULT_MIN_PARALLEL_NODES`. */
  minParallelNodes?: number;
  /** Aborting terminates the workers; the promise then rejects with `RunCancelledError`. */
  signal?: AbortSignal;
}

/** What a lane needs, in shared memory when it runs on a worker. */
export interface LaneInput {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  /** Half-edge lengths, null for hops. */
  lengths: Float64Array | null;
  sources: Int32Array;
  /** Lane j is `sources[bounds[j] .. bounds[j+1]-1]`. */
  bounds: Int32Array;
  /** Betweenness pivots mask (sampled with closeness or harmonic), else null. */
  mask: Uint8Array | null;
  betweenness: boolean;
  closeness: boolean;
  harmonic: boolean;
  /** Distance sums go onto the reached nodes, in the lane's own sums (sampled closeness / harmonic). */
  targetSums: boolean;
  /** Per-source sums, written once per source (shared between the workers); null with `targetSums`. */
  reached: Float64Array | null;
  distanceSum: Float64Array | null;
  inverseDistanceSum: Float64Array | null;
}

/** Data a path worker starts with: the lane input and the shared counter of the next lane to claim. */
export interface PathWorkerData extends LaneInput {
  next: Int32Array;
}

export type PathWorkerMessage = { type: 'lane'; lane: number; size: number; sums: Float64Array | null } | { type: 'idle' };

/** Per-node arrays a lane sums on its own (see `laneSums`): 0 to 4. */
export function laneWidth(input: LaneInput): number {
  const distances = input.targetSums ? (input.closeness ? 2 : 0) + (input.harmonic ? 1 : 0) : 0;
  return (input.betweenness ? 1 : 0) + distances;
}

/**
 * A lane's sums over `buffer` (laneWidth · n values): the dependency first, then with `targetSums`
 * reached, distance and inverse-distance sums; per-source sums stay in the shared input arrays.
 */
export function laneSums(input: LaneInput, buffer: Float64Array | null): PathSums {
  const n = input.n;
  let at = 0;
  const take = (wanted: boolean): Float64Array | null => (wanted && buffer !== null ? buffer.subarray(n * at, n * ++at) : null);
  const dependency = take(input.betweenness);
  if (!input.targetSums) return { dependency, reached: input.reached, distanceSum: input.distanceSum, inverseDistanceSum: input.inverseDistanceSum };
  const reached = take(input.closeness);
  const distanceSum = take(input.closeness);
  return { dependency, reached, distanceSum, inverseDistanceSum: take(input.harmonic) };
}

/** Contiguous lane bounds over `count` sources: min(PATH_LANES, count) lanes. */
export function laneBounds(count: number): Int32Array {
  const lanes = Math.min(PATH_LANES, count);
  const bounds = new Int32Array(lanes + 1);
  for (let j = 0; j <= lanes; j++) bounds[j] = Math.floor((j * count) / lanes);
  return bounds;
}

/** A lane's CSR as the workspace sees it (ids and tie arrays are not needed by the pass). */
export function laneCsr(input: LaneInput): Csr {
  const none = new Int32Array(0);
  return {
    n: input.n,
    m: input.targets.length / 2,
    ids: [],
    offsets: input.offsets,
    targets: input.targets,
    strengths: new Float64Array(0),
    halfToEdge: none,
    edgeSource: none,
    edgeTarget: none,
    edgeStrength: new Float64Array(0),
  };
}

/**
 * Runs lane `lane`: its per-source sums go into the input's shared arrays, its own sums into
 * `buffer` (laneWidth · n values, zeroed here first; see `laneSums`).
 */
export function runLane(input: LaneInput, ws: ShortestPathWorkspace, lane: number, buffer: Float64Array | null): void {
  buffer?.fill(0);
  accumulateSources(ws.csr, ws.lengths, input.sources, input.bounds[lane]!, input.bounds[lane + 1]!, laneSums(input, buffer), {
    pivots: input.mask,
    workspace: ws,
    targetSums: input.targetSums,
  });
}

let liveWorkers = 0;

/** Path workers currently running (0 once every call has settled). */
export function activePathWorkers(): number {
  return liveWorkers;
}

/**
 * Starts a worker on `name` next to this module: the compiled `.js` when it exists (dist/), else the
 * TypeScript source through tsx's ESM hooks registered inside the worker before the entry is
 * imported (tests and development; Node 20 ignores `--import` in a worker's execArgv).
 */
function startWorker(name: string, workerData: unknown): Worker {
  const js = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData });
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const api = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

function shared<T extends Int32Array | Float64Array | Uint8Array>(make: (b: SharedArrayBuffer) => T, from: T | null): T {
  const out = make(new SharedArrayBuffer(from === null ? 0 : from.byteLength));
  if (from !== null) out.set(from);
  return out;
}
const sharedI32 = (a: Int32Array): Int32Array => shared((b) => new Int32Array(b), a);
const sharedF64 = (a: Float64Array): Float64Array => shared((b) => new Float64Array(b), a);
const sharedZeros = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * n));

/**
 * `computePathCentralities` on `threads` worker threads (see the module comment for how the
 * results compare). Rejects with `RunCancelledError` when `signal` aborts, after every worker ended.
 */
export async function computePathCentralitiesParallel(csr: Csr, opts: ParallelPathOptions): Promise<PathCentralities> {
  throwIfAborted(opts.signal);
  const n = csr.n;
  const pass = planPathPass(n, opts);
  const { wantBetweenness, wantCloseness, wantHarmonic } = pass;
  if (n < (opts.minParallelNodes ?? DEFAULT_MIN_PARALLEL_NODES) || !(wantBetweenness || wantCloseness || wantHarmonic)) {
    return computePathCentralities(csr, opts);
  }
  if (!Number.isInteger(opts.threads) || opts.threads < 0) throw new RangeError(`threads must be a non-negative integer, got ${opts.threads}`);
  const sources = pass.sources;
  const bounds = laneBounds(sources.length);
  const lanes = bounds.length - 1;
  const threads = Math.min(opts.threads === 0 ? availableParallelism() : opts.threads, lanes);
  const lengths = pathLengths(csr, opts.distance);
  const workspace = new ShortestPathWorkspace(csr, lengths); // checks the lengths, with the tie named
  const perSource = !pass.targetSums;
  const input: LaneInput = {
    n,
    offsets: csr.offsets,
    targets: csr.targets,
    lengths,
    sources,
    bounds,
    mask: pass.dependencyMask,
    betweenness: wantBetweenness,
    closeness: wantCloseness,
    harmonic: wantHarmonic,
    targetSums: pass.targetSums,
    reached: perSource && wantCloseness ? new Float64Array(n) : null,
    distanceSum: perSource && wantCloseness ? new Float64Array(n) : null,
    inverseDistanceSum: perSource && wantHarmonic ? new Float64Array(n) : null,
  };
  const width = laneWidth(input);
  const total = width > 0 ? new Float64Array(width * n) : null;
  const report = (done: number): void => opts.onProgress?.(done, sources.length);

  if (threads <= 1) {
    const lane = width > 0 ? new Float64Array(width * n) : null;
    for (let j = 0; j < lanes; j++) {
      throwIfAborted(opts.signal);
      runLane(input, workspace, j, lane);
      if (lane !== null) addInto(total!, lane);
      report(bounds[j + 1]!);
    }
  } else {
    const sharedInput: PathWorkerData = {
      ...input,
      offsets: sharedI32(csr.offsets),
      targets: sharedI32(csr.targets),
      lengths: lengths === null ? null : sharedF64(lengths),
      sources: sharedI32(sources),
      bounds: sharedI32(bounds),
      mask: input.mask === null ? null : shared((b) => new Uint8Array(b), input.mask),
      reached: input.reached === null ? null : sharedZeros(n),
      distanceSum: input.distanceSum === null ? null : sharedZeros(n),
      inverseDistanceSum: input.inverseDistanceSum === null ? null : sharedZeros(n),
      next: new Int32Array(new SharedArrayBuffer(4)),
    };
    await runWorkers(sharedInput, threads, total, report, opts.signal);
    input.reached = sharedInput.reached?.slice() ?? null;
    input.distanceSum = sharedInput.distanceSum?.slice() ?? null;
    input.inverseDistanceSum = sharedInput.inverseDistanceSum?.slice() ?? null;
  }

  return finishPathCentralities(pass, laneSums(input, total), shortestLength(lengths, csr.m));
}

function addInto(total: Float64Array, part: Float64Array): void {
  for (let i = 0; i < total.length; i++) total[i]! += part[i]!;
}

/**
 * Runs every lane of `data` on `threads` workers; adds the lane sums into `total` in lane order
 * (buffering lanes that finish early). Settles only after every worker has exited.
 */
function runWorkers(
  data: PathWorkerData,
  threads: number,
  total: Float64Array | null,
  report: (done: number) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const lanes = data.bounds.length - 1;
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const exited: Array<Promise<void>> = [];
    const pending = new Map<number, Float64Array | null>();
    let merged = 0;
    let done = 0;
    let settled = false;
    const finish = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      void Promise.all(exited).then(() => (err === null ? resolve() : reject(err)));
    };
    const onAbort = (): void => finish(new RunCancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    for (let t = 0; t < threads; t++) {
      const worker = startWorker('path-worker', data);
      liveWorkers++;
      workers.push(worker);
      let idle = false;
      exited.push(
        new Promise<void>((ended) =>
          worker.once('exit', (code) => {
            liveWorkers--;
            ended();
            if (!idle || code !== 0) finish(new Error(`a path worker stopped (exit code ${code}) before the pass ended`));
          }),
        ),
      );
      worker.on('error', (err) => finish(err));
      worker.on('message', (m: PathWorkerMessage) => {
        if (m.type === 'idle') idle = true;
        if (settled || m.type !== 'lane') return;
        pending.set(m.lane, m.sums);
        done += m.size;
        report(done);
        while (pending.has(merged)) {
          const part = pending.get(merged)!;
          pending.delete(merged);
          if (total !== null && part !== null) addInto(total, part);
          merged++;
        }
        if (merged === lanes) finish(null);
      });
    }
  });
}
