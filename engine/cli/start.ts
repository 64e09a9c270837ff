// `socap start` (what `npm start` runs): the main job on a fresh machine. Loads the bundled data set
// into the store if it is not there yet, scores it if it has no run yet, prints a summary, then
// serves the map and the API over that same store (unless --no-serve).
import { join } from 'node:path';
import type { GraphStore } from '../store/graph-store.js';
import type { ServeFlags } from './serve.js';
import { loadInput } from '../run/load.js';
import { scoreDataset, type ScoreResult } from '../run/score.js';
import { createProgress, type ProgressMode } from '../run/progress.js';
import { packageRoot } from '../run/version.js';
import { formatSummary } from '../ingest/index.js';

export const BUNDLED_DATASET = { name: 'workplace-2015', folder: 'sociopatterns-workplace-2015' } as const;

interface Out {
  write(s: string): unknown;
}

export interface StartFlags {
  workspace?: string;
  store?: 'sqlite' | 'neo4j';
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  quiet?: boolean;
  progress?: ProgressMode;
  rescore?: boolean;
  /** false with --no-serve: stop after the summary. */
  serve?: boolean;
  port?: number;
  host?: string;
}

export interface StartDeps {
  openStore: (f: StartFlags) => Promise<GraphStore>;
  /** The serve step (`runServe`): resolves with the exit code when the server has stopped. */
  serve: (f: ServeFlags, io: { stdout: Out; stderr: Out }) => Promise<number>;
}

/** What the serve step of `socap start` is given: the store the data was loaded and scored into (the workspace, or Neo4j and its connection). */
export function serveFlagsOf(flags: StartFlags): ServeFlags {
  const out: ServeFlags = { port: flags.port, host: flags.host, workspace: flags.workspace, store: flags.store };
  if (flags.neo4jUri !== undefined) out.neo4jUri = flags.neo4jUri;
  if (flags.neo4jUser !== undefined) out.neo4jUser = flags.neo4jUser;
  if (flags.neo4jPassword !== undefined) out.neo4jPassword = flags.neo4jPassword;
  if (flags.neo4jDatabase !== undefined) out.neo4jDatabase = flags.neo4jDatabase;
  return out;
}

const fmt = (v: unknown, digits = 4): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(digits)) : v === null || v === undefined ? '' : String(v));

/** A short human summary of a run: counts, top brokers, communities, timings. */
export function printRunSummary(r: Pick<ScoreResult, 'run' | 'nodes' | 'nodeColumns'>, out: Out): void {
  const { run, nodes } = r;
  out.write(`run ${run.id} of dataset "${run.dataset}": ${run.counts.actors} actors, ${run.counts.interactions} interactions, ${run.counts.ties} ties\n`);
  const by = (col: string, dir: 1 | -1) =>
    nodes
      .filter((n) => typeof n.values[col] === 'number')
      .sort((a, b) => dir * ((b.values[col] as number) - (a.values[col] as number)) || (a.id < b.id ? -1 : 1));
  if (r.nodeColumns.includes('betweenness')) {
    out.write('\ntop brokers (betweenness; lower constraint = more structural holes):\n');
    for (const n of by('betweenness', 1).slice(0, 10)) {
      const extra = r.nodeColumns.includes('constraint') ? `  constraint ${fmt(n.values.constraint)}` : '';
      out.write(`  ${n.label.padEnd(12)} betweenness ${fmt(n.values.betweenness)}${extra}\n`);
    }
  }
  if (r.nodeColumns.includes('community')) {
    const sizes = new Map<number, number>();
    for (const n of nodes) {
      const c = n.values.community;
      if (typeof c === 'number') sizes.set(c, (sizes.get(c) ?? 0) + 1);
    }
    const list = [...sizes.entries()].sort((a, b) => b[1] - a[1]);
    out.write(
      `\ncommunities: ${list.length} (modularity ${fmt(run.modularity)}); sizes ${list
        .slice(0, 12)
        .map(([, s]) => s)
        .join(', ')}${list.length > 12 ? ', …' : ''}\n`,
    );
  }
  const timings = Object.entries(run.timings);
  if (timings.length) {
    const total = timings.reduce((a, [, s]) => a + s, 0);
    out.write(`\ntimings (s): ${timings.map(([k, s]) => `${k} ${s.toFixed(3)}`).join(', ')}; total ${total.toFixed(2)}\n`);
  }
  for (const note of run.notes) out.write(`note: ${note}\n`);
}

/** Loads and scores (once), prints the summary, then serves unless `serve` is false. */
export async function startCommand(flags: StartFlags, io: { stdout: Out; stderr: Out & { isTTY?: boolean } }, deps: StartDeps): Promise<number> {
  const code = await loadAndScore(flags, io, deps);
  return code !== 0 || flags.serve === false ? code : deps.serve(serveFlagsOf(flags), io);
}

async function loadAndScore(flags: StartFlags, io: { stdout: Out; stderr: Out & { isTTY?: boolean } }, deps: Pick<StartDeps, 'openStore'>): Promise<number> {
  const store = await deps.openStore(flags);
  const progress = createProgress(flags.quiet ? 'quiet' : (flags.progress ?? 'auto'), io.stderr);
  try {
    const name = BUNDLED_DATASET.name;
    if (!(await store.getDataset(name))) {
      const folder = join(packageRoot(), 'datasets', BUNDLED_DATASET.folder);
      progress.info(`loading the bundled dataset ${BUNDLED_DATASET.folder} into ${store.location}`);
      const out = await loadInput(store, name, folder, { progress });
      progress.info(formatSummary(out.summary));
    }
    const latest = await store.getRun('latest', name);
    if (latest && !flags.rescore) {
      const nodes = await store.readNodeScores(latest.id);
      const cols = nodes.length ? Object.keys(nodes[0]!.values) : [];
      printRunSummary({ run: latest, nodes, nodeColumns: cols }, io.stdout);
    } else {
      progress.info(`scoring dataset "${name}"`);
      const result = await scoreDataset({ store, dataset: name, progress, input: `datasets/${BUNDLED_DATASET.folder}` });
      printRunSummary(result, io.stdout);
    }
    return 0;
  } finally {
    await store.close();
  }
}
