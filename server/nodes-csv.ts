// A run's node scores as nodes.csv (the output contract of engine/run/output.ts: id, label, then
// the metric columns), produced in chunks so a large run streams. Cost: O(n · columns).
import { csvCell } from '../engine/run/output.js';
import type { RunView } from './run-view.js';

export function* nodesCsvChunks(view: RunView): Generator<string> {
  const cols = view.metricColumns;
  let buf = [['id', 'label', ...cols].map(csvCell).join(',') + '\n'];
  for (const r of view.nodes) {
    buf.push([csvCell(r.id), csvCell(r.label), ...cols.map((c) => csvCell(r.values[c]))].join(',') + '\n');
    if (buf.length === 1000) {
      yield buf.join('');
      buf = [];
    }
  }
  yield buf.join('');
}
