// The ingest layer: reads an input (a folder, a CSV edge list, graphology JSON, GraphML or GEXF)
// and streams it into a sink as batches of actors and interactions, reporting every bad row with
// its file, line and reason. Input formats and value rules: docs/input-formats.md.
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, type IngestSink, type IngestSummary, type InputFormat } from '../model/types.js';
import { ingestCsvEdgeList } from './csv-edge-list.js';
import { ingestFolder } from './folder.js';
import { ingestGexf } from './gexf.js';
import { ingestGraphml } from './graphml.js';
import { ingestGraphologyJson } from './graphology-json.js';
import { IngestContext, type IngestOptions } from './ingest-context.js';

export { DEFAULT_BATCH_SIZE, type IngestOptions } from './ingest-context.js';
export { formatRowError, formatSummary } from './report-format.js';
export { EPOCH_MS_THRESHOLD, parseTimestamp } from './timestamp.js';

const EXTENSIONS: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.json': 'json',
  '.graphml': 'graphml',
  '.gexf': 'gexf',
};

/** The format of `path` by what it is (a folder) or its extension (ignoring case). Throws InputError. */
export function detectFormat(path: string): InputFormat {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError(`no such file: ${path}`);
  }
  if (isDirectory) return 'folder';
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new InputError(`${path}: unknown input format (expected a folder, .csv, .json, .graphml or .gexf)`);
  }
  return format;
}

const SOURCES: Record<InputFormat, (path: string, ctx: IngestContext) => Promise<void>> = {
  csv: ingestCsvEdgeList,
  folder: ingestFolder,
  json: ingestGraphologyJson,
  graphml: ingestGraphml,
  gexf: ingestGexf,
};

/**
 * Detects the format of `path` and streams it into `sink`, batch by batch (each sink call awaited).
 * Bad rows go to `sink.error` and are dropped. Throws InputError when the input as a whole is
 * unusable, and, with `strict`, after the whole input was read when any row had an error
 * (warnings such as dropped self-loops do not fail strict mode).
 */
export async function ingest(path: string, sink: IngestSink, opts: IngestOptions = {}): Promise<IngestSummary> {
  const format = detectFormat(path);
  if (format !== 'folder' && statSync(path).size === 0) throw new InputError(`${path} is empty`);
  const ctx = new IngestContext(sink, opts);
  await SOURCES[format](path, ctx);
  await ctx.finish();
  if (opts.strict === true && ctx.errors > 0) {
    throw new InputError(`${ctx.errors === 1 ? '1 bad row' : `${ctx.errors} bad rows`} (strict mode)`);
  }
  return ctx.summary(format);
}
