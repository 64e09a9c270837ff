// The columns of an interactions table (a single CSV edge list, or interactions.csv / edges.csv of a
// folder): `source`, `target` required; `weight`, `type` (alias `relation`), `timestamp`, `id`
// optional; names matched ignoring case, in any order; other columns are ignored.
// Cost: O(header) once, O(1) per row.
import { InputError } from '../model/types.js';
import { checkUniqueColumns, findColumn } from './csv-table.js';
import type { InteractionValues } from './row-values.js';

export interface EdgeColumns {
  source: number;
  target: number;
  weight: number;
  type: number;
  timestamp: number;
  id: number;
}

const KNOWN = ['source', 'target', 'weight', 'type', 'relation', 'timestamp', 'id'] as const;

export function edgeColumns(path: string, header: string[]): EdgeColumns {
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

/** Fills `into` with the interaction values of one row (absent optional columns give undefined) and returns it. */
export function edgeValues(cols: EdgeColumns, f: string[], into: InteractionValues = {}): InteractionValues {
  into.source = f[cols.source];
  into.target = f[cols.target];
  into.weight = cols.weight < 0 ? undefined : f[cols.weight];
  into.type = cols.type < 0 ? undefined : f[cols.type];
  into.timestamp = cols.timestamp < 0 ? undefined : f[cols.timestamp];
  into.id = cols.id < 0 ? undefined : f[cols.id];
  return into;
}
