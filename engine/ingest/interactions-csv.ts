// Reads an interactions table: a single CSV edge list, or interactions.csv / edges.csv of a folder.
// Columns: `source`, `target` required; `weight`, `type` (alias `relation`; `type` wins when both
// are present), `timestamp`, `id` optional; names matched ignoring case, in any order; any other
// column is ignored. Each row's values go to `onRow` (one reused object: copy what you keep).
// Cost: O(header) once, O(1) per row, streaming (./csv-table.ts).
import { InputError } from '../model/types.js';
import { checkUniqueColumns, findColumn, readCsvTable } from './csv-table.js';
import type { IngestContext } from './ingest-context.js';
import type { InteractionValues } from './row-values.js';

interface EdgeColumns {
  source: number;
  target: number;
  weight: number;
  type: number;
  timestamp: number;
  id: number;
}

const KNOWN = ['source', 'target', 'weight', 'type', 'relation', 'timestamp', 'id'] as const;

function edgeColumns(path: string, header: string[]): EdgeColumns {
  checkUniqueColumns(path, header, KNOWN);
  const cols: EdgeColumns = {
    source: findColumn(header, 'source'),
    target: findColumn(header, 'target'),
    weight: findColumn(header, 'weight'),
    type: findColumn(header, 'type', 'relation'),
    timestamp: findColumn(header, 'timestamp'),
    id: findColumn(header, 'id'),
  };
  if (cols.source < 0 || cols.target < 0) {
    throw new InputError(`${path}: no "source" and "target" columns in the header (found: ${header.join(', ')})`);
  }
  return cols;
}

export async function readInteractionsCsv(
  path: string,
  ctx: IngestContext,
  onRow: (values: InteractionValues, line: number) => void,
): Promise<void> {
  let cols: EdgeColumns = { source: 0, target: 0, weight: -1, type: -1, timestamp: -1, id: -1 };
  const values: InteractionValues = {}; // reused row after row: one object, not one per row
  await readCsvTable(path, ctx, {
    header: (names) => {
      cols = edgeColumns(path, names);
    },
    row: (f, line) => {
      values.source = f[cols.source];
      values.target = f[cols.target];
      values.weight = cols.weight < 0 ? undefined : f[cols.weight];
      values.type = cols.type < 0 ? undefined : f[cols.type];
      values.timestamp = cols.timestamp < 0 ? undefined : f[cols.timestamp];
      values.id = cols.id < 0 ? undefined : f[cols.id];
      onRow(values, line);
    },
  });
}
