// The `socap` command. Exit codes: 0 ok, 1 failure, 2 bad usage or bad input.
import { Command, CommanderError, Option } from 'commander';
import { basename, resolve } from 'node:path';
import { InputError, UsageError, type RowError } from '../model/types.js';
import { formatRowError, formatSummary, parseTimestamp } from '../ingest/index.js';
import { openSqliteStore } from '../store/sqlite.js';
import { neo4jConfigFromEnv, openNeo4jStore } from '../store/neo4j.js';
import { resolveWorkspace } from '../store/workspace.js';
import type { GraphStore } from '../store/graph-store.js';
import { loadInput } from '../run/load.js';
import { RunCancelledError, scoreDataset } from '../run/score.js';
import { writeRunOutputs } from '../run/output.js';
import { createProgress, type Progress, type ProgressMode } from '../run/progress.js';
import { NODE_METRIC_COLUMNS, type NodeMetric, type ScoreOptions } from '../run/options.js';
import { socapVersion } from '../run/version.js';
import { printRunSummary, startCommand, type StartFlags } from './start.js';
import { registerRelationshipCommands } from './relationship-commands.js';
import { registerServeCommand, runServe } from './serve.js';
import { registerGenerateCommand } from './generate.js';

export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

const DATASET_NAME = /^[A-Za-z0-9._-]{1,64}$/;

interface CommonFlags {
  workspace?: string;
  store?: 'sqlite' | 'neo4j';
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  quiet?: boolean;
  progress?: ProgressMode;
}

function progressOf(flags: CommonFlags, io: CliIO): Progress {
  return createProgress(flags.quiet ? 'quiet' : (flags.progress ?? 'auto'), io.stderr);
}

/** The store the flags name: the embedded SQLite workspace (default) or Neo4j (`--store neo4j`). */
export async function openStore(flags: CommonFlags): Promise<GraphStore> {
  if (flags.store === 'neo4j') {
    const cfg = neo4jConfigFromEnv({ uri: flags.neo4jUri, user: flags.neo4jUser, password: flags.neo4jPassword, database: flags.neo4jDatabase });
    if (!cfg) throw new UsageError('--store neo4j needs a connection: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) or pass --neo4j-uri');
    return openNeo4jStore(cfg);
  }
  return openSqliteStore({ workspace: resolveWorkspace(flags.workspace) });
}

function int(name: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be an integer ≥ ${min}, got "${v}"`);
    return n;
  };
}

function positive(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a number > 0, got "${v}"`);
    return n;
  };
}

function list(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A data set name from an input path: its base name without extension, made safe. */
export function datasetNameFor(input: string): string {
  const base = basename(resolve(input)).replace(/\.(csv|json|graphml|gexf)$/i, '');
  const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return safe || 'dataset';
}

function reportRowErrors(errors: RowError[], io: CliIO, quiet: boolean): void {
  if (quiet) return;
  for (const e of errors) io.stderr.write(formatRowError(e) + '\n');
}

async function runLoad(input: string, flags: CommonFlags & { dataset?: string; strict?: boolean }, io: CliIO): Promise<number> {
  const dataset = flags.dataset ?? datasetNameFor(input);
  if (!DATASET_NAME.test(dataset)) throw new UsageError(`--dataset must be 1-64 characters of A-Z a-z 0-9 . _ -, got "${dataset}"`);
  const store = await openStore(flags);
  try {
    const progress = progressOf(flags, io);
    const out = await loadInput(store, dataset, input, { strict: flags.strict, progress });
    reportRowErrors(out.errors, io, !!flags.quiet);
    if (!flags.quiet) io.stderr.write(formatSummary(out.summary) + '\n');
    const r = out.result;
    io.stdout.write(
      `loaded ${input} into dataset "${dataset}": ${r.actorsAdded} actors added, ${r.actorsUpdated} updated; ` +
        `${r.interactionsAdded} interactions added, ${r.interactionsUnchanged} already present (${store.location})\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

interface ScoreFlags extends CommonFlags {
  dataset?: string;
  out?: string;
  metrics?: string[];
  distance?: 'inverse' | 'hops';
  seed?: number;
  seeds?: string[];
  group?: string;
  betweenness?: 'exact' | 'sampled' | 'auto';
  closeness?: 'exact' | 'sampled' | 'auto';
  samples?: number;
  threads?: number;
  strict?: boolean;
  json?: boolean;
  engine?: 'local' | 'gds';
  halfLife?: number;
  asOf?: string;
}

export function scoreOptionsFromFlags(flags: ScoreFlags): Partial<ScoreOptions> {
  const o: Partial<ScoreOptions> = {};
  if (flags.metrics) {
    const unknown = flags.metrics.filter((m) => !(NODE_METRIC_COLUMNS as readonly string[]).includes(m));
    if (unknown.length) throw new UsageError(`--metrics: unknown metric(s) ${unknown.join(', ')} (known: ${NODE_METRIC_COLUMNS.join(', ')})`);
    o.metrics = flags.metrics as NodeMetric[];
  }
  if (flags.distance) o.distance = flags.distance;
  if (flags.seed !== undefined) o.seed = flags.seed;
  if (flags.seeds) o.seeds = flags.seeds;
  if (flags.group) o.group = flags.group;
  if (flags.betweenness) o.betweenness = flags.betweenness;
  if (flags.closeness) o.closeness = flags.closeness;
  if (flags.samples !== undefined) o.samples = flags.samples;
  if (flags.threads !== undefined) o.threads = flags.threads;
  if (flags.halfLife !== undefined) o.halfLifeDays = flags.halfLife;
  if (flags.asOf !== undefined) {
    const t = parseTimestamp(flags.asOf);
    if (t === undefined) throw new UsageError(`--as-of: not a timestamp (ISO 8601, epoch seconds or milliseconds): "${flags.asOf}"`);
    o.asOf = t;
  }
  return o;
}

async function runScore(input: string | undefined, flags: ScoreFlags, io: CliIO): Promise<number> {
  if (!input && !flags.dataset) throw new UsageError('score needs an <input> file or folder, or --dataset NAME');
  const options = scoreOptionsFromFlags(flags);
  const store = await openStore(flags);
  const progress = progressOf(flags, io);
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    let dataset = flags.dataset;
    let skipped = 0;
    if (input) {
      dataset = dataset ?? datasetNameFor(input);
      const out = await loadInput(store, dataset, input, { strict: flags.strict, progress });
      reportRowErrors(out.errors, io, !!flags.quiet);
      if (!flags.quiet) io.stderr.write(formatSummary(out.summary) + '\n');
      skipped = out.summary.skipped;
    } else if (!(await store.getDataset(dataset!))) {
      throw new UsageError(`unknown dataset "${dataset}" in ${store.location} (see \`socap datasets\`)`);
    }
    const result = await scoreDataset({
      store,
      dataset: dataset!,
      options,
      input: input ? resolve(input) : `dataset:${dataset}`,
      progress,
      signal: controller.signal,
      engine: flags.engine,
    });
    result.run.counts.skipped += skipped;
    if (flags.out) {
      const paths = await writeRunOutputs(flags.out, result.run, result.nodeColumns, result.nodes, result.edgeColumns, result.edges);
      if (!flags.quiet) io.stderr.write(`wrote ${paths.nodes}, ${paths.edges}, ${paths.run}\n`);
    }
    if (flags.json) io.stdout.write(JSON.stringify(result.run) + '\n');
    else printRunSummary(result, io.stdout);
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
    await store.close();
  }
}

function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((v, c) => v.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n') + '\n';
}

async function runDatasets(flags: CommonFlags & { json?: boolean }, io: CliIO): Promise<number> {
  const store = await openStore(flags);
  try {
    const ds = await store.listDatasets();
    if (flags.json) io.stdout.write(JSON.stringify(ds) + '\n');
    else if (ds.length === 0) io.stdout.write(`no datasets in ${store.location} (load one with \`socap load <input> --dataset NAME\`)\n`);
    else
      io.stdout.write(
        table([['dataset', 'actors', 'interactions', 'types', 'updated'], ...ds.map((d) => [d.name, String(d.actors), String(d.interactions), d.types.join(',') || '-', d.updatedAt])]),
      );
    return 0;
  } finally {
    await store.close();
  }
}

async function runRuns(flags: CommonFlags & { json?: boolean; dataset?: string }, io: CliIO): Promise<number> {
  const store = await openStore(flags);
  try {
    const runs = await store.listRuns(flags.dataset);
    if (flags.json) io.stdout.write(JSON.stringify(runs) + '\n');
    else if (runs.length === 0) io.stdout.write(`no runs in ${store.location}\n`);
    else
      io.stdout.write(
        table([
          ['run', 'dataset', 'status', 'actors', 'ties', 'seconds', 'created'],
          ...runs.map((r) => [
            r.id,
            r.dataset,
            r.status,
            String(r.counts.actors),
            String(r.counts.ties),
            Object.values(r.timings)
              .reduce((a, b) => a + b, 0)
              .toFixed(2),
            r.createdAt,
          ]),
        ]),
      );
    return 0;
  } finally {
    await store.close();
  }
}

/** `--store` and the Neo4j connection flags (environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). */
export function storeOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--store <kind>', 'graph store: the embedded SQLite workspace or Neo4j').choices(['sqlite', 'neo4j']).default('sqlite'))
    .option('--neo4j-uri <uri>', 'Neo4j Bolt URI (default: $NEO4J_URI)')
    .option('--neo4j-user <name>', 'Neo4j user (default: $NEO4J_USER)')
    .option('--neo4j-password <secret>', 'Neo4j password (default: $NEO4J_PASSWORD)')
    .option('--neo4j-database <name>', 'Neo4j database (default: $NEO4J_DATABASE or the server default)');
}

function commonOptions(cmd: Command): Command {
  return storeOptions(cmd)
    .option('--workspace <dir>', 'workspace folder of the embedded store (default: $SOCAP_HOME or ./.socap)')
    .addOption(new Option('--progress <mode>', 'progress display').choices(['auto', 'bar', 'json', 'quiet']).default('auto'))
    .option('-q, --quiet', 'print nothing but results and errors');
}

export function buildProgram(io: CliIO): Command {
  const program = new Command();
  program
    .name('socap')
    .description('Social capital analytics for organizational networks: tie strength, centrality, structural holes, brokerage and communities.')
    .version(socapVersion(), '-V, --version')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  commonOptions(
    program
      .command('load')
      .description('Load a CSV edge list, a folder (nodes.csv + edges.csv), graphology JSON, GraphML or GEXF into a named dataset of the store.')
      .argument('<input>', 'file or folder to read')
      .option('--dataset <name>', 'dataset name (default: the input file name)')
      .option('--strict', 'fail (exit 2) on any bad row instead of skipping it'),
  )
    .addHelpText('after', '\nExample:\n  socap load datasets/sociopatterns-workplace-2015 --dataset workplace\n')
    .action(async (input: string, flags) => {
      process.exitCode = await runLoad(input, flags, io);
    });

  commonOptions(
    program
      .command('score')
      .description('Score a dataset (or load <input> first), record the run in the store, and optionally write nodes.csv, edges.csv and run.json.')
      .argument('[input]', 'file or folder to load and score (else --dataset)')
      .option('--dataset <name>', 'dataset to score (or to load <input> into)')
      .option('--out <dir>', 'write nodes.csv, edges.csv and run.json into this folder')
      .option('--metrics <list>', `comma-separated node metrics (default: all): ${NODE_METRIC_COLUMNS.join(',')}`, list)
      .addOption(new Option('--distance <mode>', 'path length of a tie: 1/strength or one hop').choices(['inverse', 'hops']))
      .option('--seed <n>', 'seed for Louvain and sampling (default 42)', int('--seed', 0))
      .option('--seeds <ids>', 'pre-trusted actors for reputation (comma-separated)', list)
      .option('--group <attr>', 'actor attribute used as the group (default: department when present, else the community)')
      .addOption(new Option('--betweenness <mode>', 'exact, sampled, or auto (sampled above 20000 actors)').choices(['exact', 'sampled', 'auto']))
      .addOption(
        new Option('--closeness <mode>', 'closeness and harmonic: exact, sampled (from the betweenness pivots), or auto (sampled above 20000 actors)').choices(['exact', 'sampled', 'auto']),
      )
      .option('--samples <k>', 'pivots for sampled betweenness and closeness (default 512)', int('--samples', 1))
      .option('--threads <n>', 'worker threads for path metrics (0 = all cores)', int('--threads', 0))
      .option('--half-life <days>', 'half-life of the recency decay in tie strength (default 90)', positive('--half-life'))
      .option('--as-of <time>', 'time-dependent measures as of this time (default: the latest timestamp in the data)')
      .option('--strict', 'fail (exit 2) on any bad row of <input>')
      .option('--json', 'print the run record as JSON instead of the summary')
      .addOption(new Option('--engine <where>', 'local: every metric in process; gds: path metrics, PageRank, eigenvector and Louvain inside Neo4j GDS').choices(['local', 'gds']).default('local')),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  socap score --dataset workplace --out out/\n  socap score datasets/sociopatterns-workplace-2015 --metrics betweenness,constraint --distance hops\n',
    )
    .action(async (input: string | undefined, flags: ScoreFlags) => {
      process.exitCode = await runScore(input, flags, io);
    });

  commonOptions(program.command('datasets').description('List the datasets in the store.').option('--json', 'print JSON'))
    .addHelpText('after', '\nExample:\n  socap datasets --workspace ./.socap\n')
    .action(async (flags) => {
      process.exitCode = await runDatasets(flags, io);
    });

  commonOptions(
    program.command('runs').description('List scoring runs, newest first.').option('--dataset <name>', 'only runs of this dataset').option('--json', 'print JSON'),
  )
    .addHelpText('after', '\nExample:\n  socap runs --dataset workplace\n')
    .action(async (flags) => {
      process.exitCode = await runRuns(flags, io);
    });

  commonOptions(
    program
      .command('start')
      .description('The main job: load the bundled dataset into the store (once), score it (once), print a summary, then serve the map and API over that store.')
      .option('--rescore', 'score again even if a run exists')
      .option('--no-serve', 'stop after the summary instead of serving the map')
      .option('--port <n>', 'port of the map and API (default 8080)', int('--port', 0), 8080)
      .option('--host <addr>', 'address to bind', '127.0.0.1'),
  )
    .addHelpText('after', '\nExamples:\n  npm start\n  npx socap start --no-serve --rescore\n')
    .action(async (flags: StartFlags) => {
      // The serve step gets the store the data went into: the workspace, or Neo4j with its connection.
      process.exitCode = await startCommand(flags, io, { openStore, serve: runServe });
    });

  registerRelationshipCommands(program, io, { openStore });
  registerServeCommand(program, io);
  registerGenerateCommand(program, io);
  return program;
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function run(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const program = buildProgram(io);
  process.exitCode = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return exitCodeFor(err, io);
  }
}

function exitCodeFor(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return 2;
  }
  if (err instanceof UsageError || err instanceof InputError) {
    io.stderr.write(`socap: ${err.message}\n`);
    return 2;
  }
  if (err instanceof RunCancelledError) {
    io.stderr.write('socap: run cancelled; nothing was saved\n');
    return 130;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`socap: ${message}\n`);
  if (process.env.SOCAP_DEBUG && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
  return 1;
}
