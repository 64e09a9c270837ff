// `socap health`, `socap groups` and `socap whatif`: relationship intelligence on a dataset of the
// store (or on an input loaded into one first). Cooling ties with the brokerage of both ends,
// group profiles, and the network after removing actors (with greedy key players).
// Brokerage and communities come from the dataset's latest run when it has them, else they are
// computed for the command (nothing is saved). Exit codes as in main.ts: 0 ok, 1 failure, 2 bad usage.
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { UsageError, type DatasetInfo } from '../model/types.js';
import type { GraphStore } from '../store/graph-store.js';
import { TieGraphBuilder, tieCsr, type TieGraph, type TieGraphOptions } from '../graph/tie-graph.js';
import { tieStrengths } from '../graph/tie-strength.js';
import { coolingOrder, coolingTies, coolingWindows } from '../metrics/cooling-ties.js';
import { groupProfiles, type GroupProfile } from '../metrics/group-profile.js';
import { whatIf, type NetworkState } from '../metrics/fragmentation.js';
import { keyPlayers } from '../metrics/key-players.js';
import { groupIndex } from '../metrics/bonding-bridging.js';
import { chooseGroupAttribute } from '../run/metrics-stage.js';
import { scoreDataset } from '../run/score.js';
import { loadInput } from '../run/load.js';
import { createProgress, type Progress, type ProgressMode } from '../run/progress.js';
import { DEFAULT_SCORE_OPTIONS, type NodeMetric } from '../run/options.js';
import { formatRowError, formatSummary, parseTimestamp } from '../ingest/index.js';
import { datasetNameFor, type CliIO } from './main.js';

export interface RelationshipFlags {
  workspace?: string;
  quiet?: boolean;
  progress?: ProgressMode;
  dataset?: string;
  strict?: boolean;
  json?: boolean;
}

export interface RelationshipDeps {
  openStore(flags: RelationshipFlags): Promise<GraphStore>;
}

interface HealthFlags extends RelationshipFlags {
  asOf?: number;
  recentDays?: number;
  baselineDays?: number;
  ratio?: number;
  minBaseline?: number;
  top?: number;
}

interface GroupsFlags extends RelationshipFlags {
  group?: string;
}

interface WhatIfFlags extends RelationshipFlags {
  remove?: string[];
  top?: number;
}

const positive = (name: string, integer: boolean) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got "${v}"`);
  }
  return n;
};

const nonNegative = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} must be a number ≥ 0, got "${v}"`);
  return n;
};

function asOfTime(v: string): number {
  const t = parseTimestamp(v);
  if (t === undefined) throw new UsageError(`--as-of must be an ISO 8601 date or time, or epoch seconds or milliseconds, got "${v}"`);
  return t;
}

function ids(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function withCommonOptions(cmd: Command): Command {
  return cmd
    .argument('[input]', 'file or folder to load first (else --dataset)')
    .option('--dataset <name>', 'dataset of the store (or the one to load <input> into)')
    .option('--strict', 'fail (exit 2) on any bad row of <input>')
    .option('--json', 'print JSON')
    .option('--workspace <dir>', 'workspace folder of the embedded store (default: $SOCAP_HOME or ./.socap)')
    .addOption(new Option('--progress <mode>', 'progress display').choices(['auto', 'bar', 'json', 'quiet']).default('auto'))
    .option('-q, --quiet', 'print nothing but results and errors');
}

interface Opened {
  store: GraphStore;
  dataset: string;
  info: DatasetInfo;
  progress: Progress;
}

/** Opens the store and the dataset, loading <input> into it first when given. */
async function openDataset(input: string | undefined, flags: RelationshipFlags, io: CliIO, deps: RelationshipDeps, command: string): Promise<Opened> {
  if (!input && !flags.dataset) throw new UsageError(`${command} needs an <input> file or folder, or --dataset NAME`);
  const store = await deps.openStore(flags);
  try {
    const progress = createProgress(flags.quiet ? 'quiet' : (flags.progress ?? 'auto'), io.stderr);
    const dataset = flags.dataset ?? datasetNameFor(input!);
    if (input) {
      const out = await loadInput(store, dataset, resolve(input), { strict: flags.strict, progress });
      if (!flags.quiet) {
        for (const e of out.errors) io.stderr.write(formatRowError(e) + '\n');
        io.stderr.write(formatSummary(out.summary) + '\n');
      }
    }
    const info = await store.getDataset(dataset);
    if (!info) throw new UsageError(`unknown dataset "${dataset}" in ${store.location} (see \`socap datasets\`)`);
    return { store, dataset, info, progress };
  } catch (err) {
    await store.close();
    throw err;
  }
}

async function readGraph(store: GraphStore, dataset: string, options: TieGraphOptions): Promise<TieGraph> {
  const b = new TieGraphBuilder(options);
  for await (const a of store.readActors(dataset)) b.addActor(a);
  for await (const x of store.readInteractions(dataset)) b.addInteraction(x);
  return b.finish();
}

interface NodeColumns {
  values: Map<string, Float64Array>;
  /** Where they came from: `run <id>`, or `computed`. */
  source: string;
}

/** Node columns aligned with `graph.actors`: from the latest run when it has them all, else computed (not saved). */
async function nodeColumns(o: Opened, graph: TieGraph, metrics: NodeMetric[]): Promise<NodeColumns> {
  const align = (byId: Map<string, Map<string, number>>): Map<string, Float64Array> => {
    const out = new Map<string, Float64Array>();
    for (const m of metrics) out.set(m, Float64Array.from(graph.actors, (a) => byId.get(a.id)?.get(m) ?? NaN));
    return out;
  };
  const latest = await o.store.getRun('latest', o.dataset);
  if (latest) {
    const rows = await o.store.readNodeScores(latest.id);
    if (rows.length > 0 && metrics.every((m) => m in rows[0]!.values)) {
      const byId = new Map<string, Map<string, number>>();
      for (const r of rows) {
        const v = new Map<string, number>();
        for (const m of metrics) {
          const x = r.values[m];
          v.set(m, typeof x === 'number' ? x : NaN);
        }
        byId.set(r.id, v);
      }
      return { values: align(byId), source: `run ${latest.id}` };
    }
  }
  const r = await scoreDataset({ store: o.store, dataset: o.dataset, options: { metrics }, progress: o.progress, save: false });
  const byId = new Map<string, Map<string, number>>();
  r.graph.actors.forEach((a, i) => byId.set(a.id, new Map(metrics.map((m) => [m, r.metrics.node.get(m)?.[i] ?? NaN]))));
  return { values: align(byId), source: 'computed' };
}

/** Community labels as group indices (an actor without one gets a group of its own). */
function communityGroups(community: Float64Array): Int32Array {
  const max = community.reduce((a, x) => (Number.isFinite(x) && x > a ? x : a), -1);
  let extra = max + 1;
  return Int32Array.from(community, (c) => (Number.isFinite(c) ? c : extra++));
}

const num = (v: number, digits = 4): string => (Number.isNaN(v) ? '-' : Number.isInteger(v) ? String(v) : v.toPrecision(digits));
const day = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '-');
const jsonNumber = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Columns padded to their widest cell, numbers right-aligned. */
function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const width = header.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^-?[\d.e+-]+$|^-$/.test(r[c]!)));
  return all.map((r) => r.map((v, c) => (numeric[c] ? v.padStart(width[c]!) : v.padEnd(width[c]!))).join('  ').trimEnd()).join('\n') + '\n';
}

async function runHealth(input: string | undefined, flags: HealthFlags, io: CliIO, deps: RelationshipDeps): Promise<number> {
  const o = await openDataset(input, flags, io, deps, 'health');
  try {
    const asOf = flags.asOf ?? o.info.lastTimestamp;
    if (asOf === undefined) throw new UsageError(`dataset "${o.dataset}" has no timestamped interactions: cooling ties need dated contacts`);
    const windows = coolingWindows(asOf, { recentDays: flags.recentDays, baselineDays: flags.baselineDays });
    const graph = await readGraph(o.store, o.dataset, { windows });
    const rule = { ratio: flags.ratio ?? DEFAULT_SCORE_OPTIONS.coolingRatio, minBaseline: flags.minBaseline ?? DEFAULT_SCORE_OPTIONS.coolingMinBaseline };
    const cooling = coolingTies(graph, rule);
    const order = Array.from(coolingOrder(cooling)).slice(0, flags.top ?? 20);
    const brokerage = await nodeColumns(o, graph, ['betweenness', 'constraint']);
    const b = brokerage.values.get('betweenness')!;
    const c = brokerage.values.get('constraint')!;
    let flagged = 0;
    for (let k = 0; k < cooling.cooling.length; k++) flagged += cooling.cooling[k]!;
    const rows = order.map((k) => {
      const i = graph.tieSource[k]!;
      const j = graph.tieTarget[k]!;
      return {
        a: graph.actors[i]!.id,
        b: graph.actors[j]!.id,
        recent_contacts: cooling.recentContacts[k]!,
        baseline_contacts: cooling.baselineContacts[k]!,
        recent_rate: cooling.recentRate[k]!,
        baseline_rate: cooling.baselineRate[k]!,
        last_contact: Number.isFinite(cooling.lastContact[k]!) ? new Date(cooling.lastContact[k]!).toISOString() : null,
        a_betweenness: jsonNumber(b[i]!),
        a_constraint: jsonNumber(c[i]!),
        b_betweenness: jsonNumber(b[j]!),
        b_constraint: jsonNumber(c[j]!),
      };
    });
    if (flags.json) {
      io.stdout.write(
        JSON.stringify({
          dataset: o.dataset,
          as_of: new Date(asOf).toISOString(),
          recent_days: windows.recentDays,
          baseline_days: windows.baselineDays,
          ratio: rule.ratio,
          min_baseline: rule.minBaseline,
          ties: graph.tieSource.length,
          cooling_ties: flagged,
          brokerage_from: brokerage.source,
          cooling: rows,
        }) + '\n',
      );
      return 0;
    }
    io.stdout.write(
      `cooling ties of "${o.dataset}" as of ${day(asOf)}: ${flagged} of ${graph.tieSource.length} ties contacted less than ${rule.ratio} × their rate ` +
        `in the ${windows.baselineDays} days before the last ${windows.recentDays} (at least ${rule.minBaseline} contacts then)\n`,
    );
    if (rows.length === 0) return 0;
    io.stdout.write(`worst first; contacts per window, rates per 30 days; brokerage (betweenness, constraint) from ${brokerage.source}\n\n`);
    io.stdout.write(
      formatTable(
        ['a', 'b', 'recent', 'baseline', 'rate now', 'rate before', 'last contact', 'a betweenness', 'a constraint', 'b betweenness', 'b constraint'],
        rows.map((r) => [
          r.a,
          r.b,
          String(r.recent_contacts),
          String(r.baseline_contacts),
          num(r.recent_rate, 3),
          num(r.baseline_rate, 3),
          r.last_contact ? r.last_contact.slice(0, 10) : '-',
          num(r.a_betweenness ?? NaN),
          num(r.a_constraint ?? NaN),
          num(r.b_betweenness ?? NaN),
          num(r.b_constraint ?? NaN),
        ]),
      ),
    );
    return 0;
  } finally {
    await o.store.close();
  }
}

function groupJson(p: GroupProfile): Record<string, unknown> {
  return {
    group: p.group,
    size: p.size,
    internal_ties: p.internalTies,
    external_ties: p.externalTies,
    internal_strength: p.internalStrength,
    external_strength: p.externalStrength,
    cohesion: jsonNumber(p.cohesion),
    density: p.density,
    brokers: p.brokers,
    outside_holders: p.outsideHolders,
  };
}

async function runGroups(input: string | undefined, flags: GroupsFlags, io: CliIO, deps: RelationshipDeps): Promise<number> {
  const o = await openDataset(input, flags, io, deps, 'groups');
  try {
    const graph = await readGraph(o.store, o.dataset, {});
    const { csr } = tieCsr(graph, tieStrengths(graph).values);
    const attr = chooseGroupAttribute(graph, flags.group);
    if (flags.group && !graph.actors.some((a) => a.attributes[flags.group!] !== undefined)) {
      throw new UsageError(`--group: no actor of dataset "${o.dataset}" has the attribute "${flags.group}"`);
    }
    const cols = await nodeColumns(o, graph, attr ? ['betweenness'] : ['betweenness', 'community']);
    const gi = attr
      ? groupIndex(graph.actors.map((a) => a.attributes[attr]))
      : (() => {
          const groups = communityGroups(cols.values.get('community')!);
          const count = groups.reduce((a, g) => Math.max(a, g + 1), 0);
          return { groups, names: Array.from({ length: count }, (_, g) => String(g)) };
        })();
    const profiles = groupProfiles(csr, gi.groups, gi.names, { betweenness: cols.values.get('betweenness')! });
    if (flags.json) {
      io.stdout.write(JSON.stringify({ dataset: o.dataset, group: attr ?? 'community', brokerage_from: cols.source, groups: profiles.map(groupJson) }) + '\n');
      return 0;
    }
    io.stdout.write(`groups of "${o.dataset}" by ${attr ?? 'community'}: ${profiles.length}; betweenness from ${cols.source}\n\n`);
    io.stdout.write(
      formatTable(
        ['group', 'size', 'internal ties', 'external ties', 'cohesion', 'density', 'brokers', 'outside ties held by'],
        profiles.map((p) => [
          p.group,
          String(p.size),
          String(p.internalTies),
          String(p.externalTies),
          num(p.cohesion, 3),
          num(p.density, 3),
          `${p.brokers.length}${p.brokers.length ? ` (${p.brokers.slice(0, 3).join(', ')}${p.brokers.length > 3 ? ', …' : ''})` : ''}`,
          p.outsideHolders.map((h) => `${h.id} ${num(h.strength, 3)}`).join(', ') || '-',
        ]),
      ),
    );
    return 0;
  } finally {
    await o.store.close();
  }
}

function stateJson(s: NetworkState): Record<string, number | null> {
  return { components: s.components, fragmentation: s.fragmentation, disconnected_pairs: s.disconnectedPairs, inter_community_ties: s.interCommunityTies };
}

async function runWhatIf(input: string | undefined, flags: WhatIfFlags, io: CliIO, deps: RelationshipDeps): Promise<number> {
  if (!flags.remove?.length && flags.top === undefined) throw new UsageError('whatif needs --remove ID[,ID...] or --top K (or both)');
  const o = await openDataset(input, flags, io, deps, 'whatif');
  try {
    const graph = await readGraph(o.store, o.dataset, {});
    const { csr } = tieCsr(graph, tieStrengths(graph).values);
    const remove = [...new Set(flags.remove ?? [])];
    const unknown = remove.filter((id) => !graph.index.has(id));
    if (unknown.length) throw new UsageError(`--remove: unknown actor(s) ${unknown.join(', ')} in dataset "${o.dataset}"`);
    const removedNodes = remove.map((id) => graph.index.get(id)!);
    const cols = await nodeColumns(o, graph, ['community']);
    const community = communityGroups(cols.values.get('community')!);
    const w = whatIf(csr, removedNodes, community);
    const mask = new Uint8Array(csr.n);
    for (const v of removedNodes) mask[v] = 1;
    const kp = flags.top !== undefined ? keyPlayers(csr, flags.top, mask) : undefined;
    if (flags.json) {
      io.stdout.write(
        JSON.stringify({
          removed: w.removed,
          before: stateJson(w.before),
          after: stateJson(w.after),
          lost_pairs: w.lostPairs,
          lost_pair_share: w.lostPairShare,
          lost_reach: w.lostReach,
          ...(kp ? { key_players: kp.map((s) => ({ id: s.id, fragmentation: s.fragmentation, components: s.components })) } : {}),
        }) + '\n',
      );
      return 0;
    }
    const line = (label: string, s: NetworkState): string =>
      `${label}: ${s.actors} actors, ${s.components} component(s), fragmentation ${num(s.fragmentation)}, ${s.disconnectedPairs} disconnected pair(s), ${s.interCommunityTies} inter-community tie(s)\n`;
    if (remove.length) {
      io.stdout.write(`removing ${w.removed.join(', ')} from "${o.dataset}" (communities from ${cols.source})\n`);
      io.stdout.write(line('before', w.before) + line('after ', w.after));
      io.stdout.write(`${w.lostPairs} pair(s) of remaining actors lose every path (${num(100 * w.lostPairShare, 3)}% of their pairs)\n`);
      if (w.lostReach.length) {
        io.stdout.write('\nmost reach lost (actors reachable before → after):\n');
        io.stdout.write(formatTable(['actor', 'before', 'after'], w.lostReach.slice(0, 10).map((r) => [r.id, String(r.before), String(r.after)])));
      }
    }
    if (kp) {
      io.stdout.write(`\nkey players (greedy: each removal raises fragmentation the most${remove.length ? ', after the removals above' : ''}):\n`);
      io.stdout.write(formatTable(['rank', 'actor', 'fragmentation after', 'components after'], kp.map((s, r) => [String(r + 1), s.id, num(s.fragmentation), String(s.components)])));
    }
    return 0;
  } finally {
    await o.store.close();
  }
}

/** Adds `health`, `groups` and `whatif` to the socap program. */
export function registerRelationshipCommands(program: Command, io: CliIO, deps: RelationshipDeps): void {
  withCommonOptions(
    program
      .command('health')
      .description('Cooling ties: relationships whose recent contact rate fell well below their own baseline, worst first, with both actors\' brokerage.')
      .option('--as-of <time>', 'measure as of this time (ISO 8601 or epoch; default: the latest timestamp in the data)', asOfTime)
      .option('--recent-days <n>', `recent window in days (default ${DEFAULT_SCORE_OPTIONS.coolingRecentDays})`, positive('--recent-days', false))
      .option('--baseline-days <n>', `baseline window before it, in days (default ${DEFAULT_SCORE_OPTIONS.coolingBaselineDays})`, positive('--baseline-days', false))
      .option('--ratio <r>', `cooling when the recent rate is below r × the baseline rate (default ${DEFAULT_SCORE_OPTIONS.coolingRatio})`, nonNegative('--ratio'))
      .option('--min-baseline <n>', `contacts the baseline window needs (default ${DEFAULT_SCORE_OPTIONS.coolingMinBaseline})`, nonNegative('--min-baseline'))
      .option('--top <k>', 'list at most k ties (default 20)', positive('--top', true)),
  )
    .addHelpText('after', '\nExamples:\n  socap health --dataset manufacturing --recent-days 30 --baseline-days 180\n  socap health data/emails.csv --as-of 2024-06-30 --json\n')
    .action(async (input: string | undefined, flags: HealthFlags) => {
      process.exitCode = await runHealth(input, flags, io, deps);
    });

  withCommonOptions(
    program
      .command('groups')
      .description('Group profiles: size, cohesion, density, external ties, brokers and who holds the outside ties, per department (or --group attribute, or community).')
      .option('--group <attr>', 'actor attribute that defines the groups (default: department when present, else the community)'),
  )
    .addHelpText('after', '\nExamples:\n  socap groups --dataset workplace\n  socap groups --dataset lazega --group office --json\n')
    .action(async (input: string | undefined, flags: GroupsFlags) => {
      process.exitCode = await runGroups(input, flags, io, deps);
    });

  withCommonOptions(
    program
      .command('whatif')
      .description('What if actors left: components, fragmentation, pairs that lose every path, inter-community ties and lost reach; --top K lists greedy key players.')
      .option('--remove <ids>', 'actors to remove (comma-separated ids)', ids)
      .option('--top <k>', 'also list the k key players whose removal fragments the network most', positive('--top', true)),
  )
    .addHelpText('after', '\nExamples:\n  socap whatif --dataset workplace --remove 574,1362\n  socap whatif --dataset workplace --top 5 --json\n')
    .action(async (input: string | undefined, flags: WhatIfFlags) => {
      process.exitCode = await runWhatIf(input, flags, io, deps);
    });
}
