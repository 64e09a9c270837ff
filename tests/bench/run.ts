// socap benchmark: seeded synthetic organizations (datasets/generate-org.ts) of 1k, 10k and 100k
// people (1M with --full), each loaded into a temporary embedded store and scored with every
// metric by scoreDataset (the default options: every core, sampling above 20k people), in a child
// process per size so peak RSS is that size's own; then the path pass on one thread (exact
// betweenness + closeness + harmonic up to 20k people, sampled K=512 above), and the same metrics in python-igraph and NetworkX (small graphs only) on the same
// edges.csv when a Python with them is found. Writes tests/bench/RESULTS.md.
//
// usage: node --import tsx tests/bench/run.ts [--full] [--sizes 1000,10000] [--threads N] [--no-python] [--out FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateOrg } from '../../datasets/generate-org.js';
import { csrFromTies } from '../../engine/graph/csr.js';
import { computePathCentralitiesParallel } from '../../engine/metrics/path-workers.js';
import { DEFAULT_SCORE_OPTIONS } from '../../engine/run/options.js';
import { loadInput } from '../../engine/run/load.js';
import { scoreDataset } from '../../engine/run/score.js';
import { openSqliteStore } from '../../engine/store/sqlite.js';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 42;
/** Above this many people the default score samples betweenness, closeness and harmonic (K pivots). */
const EXACT_MAX = DEFAULT_SCORE_OPTIONS.autoSampleAbove;
/** NetworkX runs only up to this size (its betweenness is hours at 10k). */
const NETWORKX_MAX = 1000;

interface SizeResult {
  nodes: number;
  ties: number;
  generate: number;
  load: number;
  scoreTotal: number;
  timings: Record<string, number>;
  betweennessMode: string;
  /** Closeness and harmonic: exact, or sampled from the betweenness pivots. */
  closenessMode?: string;
  peakRssMiB: number;
  parallel: { what: string; seconds: number; threads: number; perSourceMs: number };
  igraph?: Record<string, number>;
  networkx?: Record<string, number>;
  referenceErrors: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string): boolean => process.argv.includes(name);
const secs = (t: number): number => (performance.now() - t) / 1000;

/** Child: load the folder, score it, time the parallel path pass; print the result JSON last. */
async function child(dir: string, nodes: number, ties: number, generate: number, threads: number): Promise<void> {
  const ws = mkdtempSync(join(tmpdir(), 'socap-bench-ws-'));
  const store = openSqliteStore({ workspace: ws });
  try {
    let t = performance.now();
    await loadInput(store, 'org', dir);
    const load = secs(t);
    t = performance.now();
    const r = await scoreDataset({ store, dataset: 'org', options: { threads } });
    const scoreTotal = secs(t);
    const index = new Map(r.nodes.map((row, i) => [row.id, i]));
    const csr = csrFromTies(
      r.nodes.map((row) => row.id),
      Int32Array.from(r.edges, (e) => index.get(e.source)!),
      Int32Array.from(r.edges, (e) => index.get(e.target)!),
      Float64Array.from(r.edges, (e) => e.values.strength as number),
    );
    const exact = nodes <= EXACT_MAX;
    t = performance.now();
    const p = await computePathCentralitiesParallel(csr, {
      distance: 'inverse',
      betweenness: exact ? 'exact' : 'sampled',
      samples: DEFAULT_SCORE_OPTIONS.samples,
      seed: SEED,
      closeness: exact,
      harmonic: exact,
      threads: 1,
      minParallelNodes: 0,
    });
    const seconds = secs(t);
    const sources = exact ? nodes : p.betweennessSamples!;
    const out: SizeResult = {
      nodes,
      ties,
      generate,
      load,
      scoreTotal,
      timings: r.run.timings,
      betweennessMode: r.run.betweenness?.mode ?? 'none',
      closenessMode: (r.run.extra?.closeness as { mode?: string } | undefined)?.mode,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      parallel: {
        what: exact ? 'exact betweenness + closeness + harmonic' : `sampled betweenness (K=${sources})`,
        seconds,
        threads: 1,
        perSourceMs: (seconds * 1000) / sources,
      },
      referenceErrors: [],
    };
    process.stdout.write('\n' + JSON.stringify(out) + '\n');
  } finally {
    await store.close();
    rmSync(ws, { recursive: true, force: true });
  }
}

/** The first Python on the list that imports `module`, or undefined. */
function pythonWith(module: string): string | undefined {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', `import ${module}`], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return undefined;
}

function reference(py: string, lib: string, edges: string, paths: boolean, errors: string[]): Record<string, number> | undefined {
  try {
    const args = [join(here, 'reference_timings.py'), lib, edges, ...(paths ? ['--paths'] : [])];
    return JSON.parse(execFileSync(py, args, { encoding: 'utf8', maxBuffer: 1 << 24 })) as Record<string, number>;
  } catch (err) {
    errors.push(`${lib}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return undefined;
  }
}

const f = (x: number | undefined, digits = 2): string => (x === undefined ? '–' : x.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
const sum = (...xs: Array<number | undefined>): number | undefined => (xs.some((x) => x === undefined) ? undefined : xs.reduce<number>((a, b) => a + b!, 0));

function report(results: SizeResult[], meta: { command: string; started: string; load: number[]; threads: number; igraph?: string; networkx?: string }): string {
  const cpu = cpus();
  const lines: string[] = [];
  lines.push('# socap benchmark results', '');
  lines.push(`- date: ${meta.started}`);
  lines.push(`- machine: ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${osType()} ${release()}`);
  lines.push(`- load average at start (1/5/15 min): ${meta.load.map((x) => x.toFixed(2)).join(' / ')} (the machine was shared; wall times include that contention)`);
  lines.push(`- node ${process.version}; python-igraph via \`${meta.igraph ?? 'not found'}\`; networkx via \`${meta.networkx ?? 'not found'}\``);
  lines.push(`- command: \`${meta.command}\``);
  lines.push(`- graphs: \`socap generate --nodes N --seed ${SEED}\` (datasets/generate-org.ts), scored from a temporary embedded store`);
  lines.push('');
  lines.push('## socap pipeline (seconds)', '');
  lines.push(`| people | ties | generate | load | read | build | community | paths (B+C+H, ${meta.threads} threads) | eigenvector | pagerank | constraint (+eff. size, hierarchy) | layout | save | score total | peak RSS MiB | betweenness |`);
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    const t = r.timings;
    const paths = t.betweenness ?? t.closeness ?? t.harmonic;
    const mode = r.betweennessMode + (r.closenessMode ? `; closeness ${r.closenessMode}` : '');
    lines.push(
      `| ${r.nodes} | ${r.ties} | ${f(r.generate)} | ${f(r.load)} | ${f(t.read)} | ${f(t.build)} | ${f(t.community)} | ${f(paths)} | ${f(t.eigenvector)} | ${f(t.pagerank)} | ${f(t.constraint)} | ${f(t.layout)} | ${f(t.save)} | ${f(r.scoreTotal)} | ${f(r.peakRssMiB, 0)} | ${mode} |`,
    );
  }
  lines.push('', 'Every stage timing of the run (seconds):', '');
  for (const r of results) lines.push(`- ${r.nodes}: ${Object.entries(r.timings).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}`);
  lines.push('', '## The path pass on one thread (the score above ran it on every core)', '');
  lines.push('| people | pass | threads | seconds | ms per source | igraph betweenness + closeness + harmonic | socap / igraph |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const ig = r.igraph ? sum(r.igraph.betweenness, r.igraph.closeness, r.igraph.harmonic) : undefined;
    const exact = r.parallel.what.startsWith('exact');
    lines.push(`| ${r.nodes} | ${r.parallel.what} | ${r.parallel.threads} | ${f(r.parallel.seconds)} | ${f(r.parallel.perSourceMs, 3)} | ${exact ? f(ig) : '–'} | ${exact ? ratio(r.parallel.seconds, ig) : '–'} |`);
  }
  lines.push('', '## Against igraph and NetworkX (seconds; ratio = socap / other)', '');
  lines.push('| people | metric | socap | igraph | socap / igraph | networkx | socap / networkx |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const t = r.timings;
    const rows: Array<[string, number | undefined, (x: Record<string, number>) => number | undefined]> = [
      [`betweenness + closeness + harmonic (one pass, ${meta.threads} threads)`, r.betweennessMode === 'exact' ? t.betweenness : undefined, (x) => sum(x.betweenness, x.closeness, x.harmonic)],
      ['pagerank', t.pagerank, (x) => x.pagerank],
      ['eigenvector', t.eigenvector, (x) => x.eigenvector],
      ['constraint', t.constraint, (x) => x.constraint],
      ['louvain', t.community, (x) => x.louvain],
    ];
    for (const [name, ours, theirs] of rows) {
      const ig = r.igraph ? theirs(r.igraph) : undefined;
      const nx = r.networkx ? theirs(r.networkx) : undefined;
      lines.push(`| ${r.nodes} | ${name} | ${f(ours)} | ${f(ig)} | ${ratio(ours, ig)} | ${f(nx)} | ${ratio(ours, nx)} |`);
    }
  }
  const errors = results.flatMap((r) => r.referenceErrors.map((e) => `- ${r.nodes}: ${e}`));
  if (errors.length) lines.push('', 'Reference runs that failed:', '', ...errors);
  lines.push('');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const threads = Number(arg('--threads') ?? DEFAULT_SCORE_OPTIONS.threads);
  if (flag('--child')) {
    await child(arg('--dir')!, Number(arg('--nodes')), Number(arg('--ties')), Number(arg('--generate')), threads);
    return;
  }
  const sizes = arg('--sizes')?.split(',').map(Number) ?? [1000, 10_000, 100_000, ...(flag('--full') ? [1_000_000] : [])];
  const out = arg('--out') ?? join(here, 'RESULTS.md');
  const python = !flag('--no-python');
  const igraphPy = python ? pythonWith('igraph') : undefined;
  const networkxPy = python ? pythonWith('networkx') : undefined;
  const started = new Date().toISOString();
  const load = loadavg();
  const root = mkdtempSync(join(tmpdir(), 'socap-bench-'));
  const results: SizeResult[] = [];
  try {
    for (const nodes of sizes) {
      const dir = join(root, `org-${nodes}`);
      const t = performance.now();
      const g = await generateOrg({ nodes, seed: SEED, out: dir });
      const generate = secs(t);
      process.stderr.write(`bench: ${nodes} people, ${g.ties} ties generated in ${generate.toFixed(2)} s; scoring\n`);
      const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--dir', dir, '--nodes', String(nodes), '--ties', String(g.ties), '--generate', String(generate), '--threads', String(threads)];
      const stdout = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
      const r = JSON.parse(stdout.trim().split('\n').pop()!) as SizeResult;
      const edges = join(dir, 'edges.csv');
      if (igraphPy) {
        process.stderr.write(`bench: ${nodes} people, igraph\n`);
        r.igraph = reference(igraphPy, 'igraph', edges, nodes <= EXACT_MAX, r.referenceErrors);
      }
      if (networkxPy && nodes <= NETWORKX_MAX) {
        process.stderr.write(`bench: ${nodes} people, networkx\n`);
        r.networkx = reference(networkxPy, 'networkx', edges, true, r.referenceErrors);
      }
      results.push(r);
      rmSync(dir, { recursive: true, force: true });
      writeFileSync(out, report(results, { command: `node --import tsx tests/bench/run.ts ${process.argv.slice(2).join(' ')}`.trim(), started, load, threads: threads === 0 ? availableParallelism() : threads, igraph: igraphPy, networkx: networkxPy }));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.stderr.write(`bench: wrote ${out}\n`);
}

await main();
