// The text of ingest reports: one line per bad row, one summary line at the end. These lines are
// what users grep and what tests assert; keep them stable.
//   <file>:<line>: [warning: ][column "<name>": ]<reason>
//   <format>: read <n> actors and <m> interactions; <k> rows skipped (<e> errors, <w> warnings)
import type { IngestSummary, RowError } from '../model/types.js';

/** One line, e.g. `data/edges.csv:12: column "weight": non-numeric weight "abc"`. */
export function formatRowError(e: RowError): string {
  const severity = e.severity === 'warning' ? 'warning: ' : '';
  const column = e.column === undefined ? '' : `column "${e.column}": `;
  return `${e.file}:${e.line}: ${severity}${column}${e.reason}`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** e.g. `folder: read 21 actors and 312 interactions; 0 rows skipped (0 errors, 0 warnings)`. */
export function formatSummary(s: IngestSummary): string {
  return (
    `${s.format}: read ${count(s.actorsRead, 'actor')} and ${count(s.interactionsRead, 'interaction')}; ` +
    `${count(s.skipped, 'row')} skipped (${count(s.errors, 'error')}, ${count(s.warnings, 'warning')})`
  );
}
