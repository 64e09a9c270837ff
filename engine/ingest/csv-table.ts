// Reads a CSV file as a table: the first record is the header, every later record a row that must
// have as many fields as the header. Malformed records and rows with the wrong number of fields are
// reported to the context and dropped; good rows go to `onRow`. The context is drained after every
// chunk, so rows reach the sink while the file is still being read.
// Cost: one pass over the file (see ./csv-reader.ts).
import { InputError } from '../model/types.js';
import { readCsvRecords } from './csv-reader.js';
import type { IngestContext } from './ingest-context.js';

export interface CsvTableHandler {
  /** Called once with the header; throws InputError when a required column is missing. */
  header(names: string[]): void;
  row(fields: string[], line: number): void;
}

export async function readCsvTable(path: string, ctx: IngestContext, handler: CsvTableHandler): Promise<void> {
  let width = -1;
  ctx.files.push(path);
  for await (const records of readCsvRecords(path, { highWaterMark: ctx.highWaterMark })) {
    for (const r of records) {
      if (width < 0) {
        if (r.error !== undefined) throw new InputError(`${path}:${r.line}: malformed header: ${r.error}`);
        width = r.fields.length;
        handler.header(r.fields);
      } else if (r.error !== undefined) {
        ctx.reject(path, r.line, r.error);
      } else if (r.fields.length !== width) {
        ctx.reject(path, r.line, `expected ${width} fields, found ${r.fields.length}`);
      } else {
        handler.row(r.fields, r.line);
      }
    }
    await ctx.drain();
  }
  if (width < 0) throw new InputError(`${path} is empty`);
}

/** Index of the first header name equal to one of `names`, ignoring case; -1 when none. */
export function findColumn(header: string[], ...names: string[]): number {
  for (const name of names) {
    const i = header.findIndex((h) => h.toLowerCase() === name);
    if (i >= 0) return i;
  }
  return -1;
}

/** Throws InputError when a header names one column twice (ignoring case); only `names` when given. */
export function checkUniqueColumns(path: string, header: string[], names?: readonly string[]): void {
  const seen = new Set<string>();
  for (const h of header) {
    const key = h.toLowerCase();
    if (names !== undefined && !names.includes(key)) continue;
    if (key !== '' && seen.has(key)) throw new InputError(`${path}: column "${h}" appears twice in the header`);
    seen.add(key);
  }
}
