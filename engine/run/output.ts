// The output contract other tools read: nodes.csv, edges.csv and run.json in one folder.
// Column names are fixed (see README "Output files"); a column whose metric was not computed is
// left out, never filled with a placeholder. Numbers are written at full double precision
// (shortest round-trip form); undefined values are empty cells.
import { mkdirSync, createWriteStream, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { EdgeScoreRow, NodeScoreRow, RunRecord, ScoreValue } from '../model/types.js';

export const EDGE_LEADING_COLUMNS = ['strength', 'strong', 'overlap', 'local_bridge', 'span'] as const;

export function csvCell(v: ScoreValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

async function writeCsv(path: string, header: string[], rows: Iterable<string[]>): Promise<void> {
  const tmp = path + '.tmp';
  const out = createWriteStream(tmp, { encoding: 'utf8' });
  const push = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await push(header.map(csvCell).join(',') + '\n');
  for (const r of rows) await push(r.join(',') + '\n');
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}

export interface OutputPaths {
  nodes: string;
  edges: string;
  run: string;
}

/** Writes the three files into `dir` (created if needed); each file appears whole or not at all. */
export async function writeRunOutputs(
  dir: string,
  run: RunRecord,
  nodeColumns: string[],
  nodes: NodeScoreRow[],
  edgeColumns: string[],
  edges: EdgeScoreRow[],
): Promise<OutputPaths> {
  mkdirSync(dir, { recursive: true });
  const paths = { nodes: join(dir, 'nodes.csv'), edges: join(dir, 'edges.csv'), run: join(dir, 'run.json') };
  await writeCsv(
    paths.nodes,
    ['id', 'label', ...nodeColumns],
    (function* () {
      for (const r of nodes) yield [csvCell(r.id), csvCell(r.label), ...nodeColumns.map((c) => csvCell(r.values[c]))];
    })(),
  );
  await writeCsv(
    paths.edges,
    ['source', 'target', ...edgeColumns],
    (function* () {
      for (const r of edges) yield [csvCell(r.source), csvCell(r.target), ...edgeColumns.map((c) => csvCell(r.values[c]))];
    })(),
  );
  writeFileSync(paths.run + '.tmp', JSON.stringify(runJson(run), null, 2) + '\n');
  renameSync(paths.run + '.tmp', paths.run);
  return paths;
}

/** The run.json document: the run record in the documented key order. */
export function runJson(run: RunRecord): Record<string, unknown> {
  return {
    id: run.id,
    version: run.version,
    dataset: run.dataset,
    input: run.input,
    status: run.status,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt ?? null,
    parameters: run.parameters,
    counts: run.counts,
    modularity: run.modularity ?? null,
    betweenness: run.betweenness ?? null,
    timings: run.timings,
    peakMemoryBytes: run.peakMemoryBytes ?? null,
    notes: run.notes,
    ...(run.extra ?? {}),
  };
}
