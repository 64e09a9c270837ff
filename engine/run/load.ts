// Loads one input (file or folder) into a data set of a store: ingest stream → one load session.
// The whole load commits or nothing does; bad rows are reported and skipped (or, strict, fail it).
import { ingest } from '../ingest/index.js';
import type { IngestSummary, LoadResult, RowError } from '../model/types.js';
import type { GraphStore } from '../store/graph-store.js';
import type { Progress } from './progress.js';

export interface LoadOutcome {
  summary: IngestSummary;
  result: LoadResult;
  errors: RowError[];
}

export async function loadInput(
  store: GraphStore,
  dataset: string,
  input: string,
  opts: { strict?: boolean; progress?: Progress; onRowError?: (e: RowError) => void } = {},
): Promise<LoadOutcome> {
  const errors: RowError[] = [];
  const session = await store.beginLoad(dataset);
  let rows = 0;
  try {
    const summary = await ingest(
      input,
      {
        actors: (batch) => session.addActors(batch),
        interactions: async (batch) => {
          await session.addInteractions(batch);
          rows += batch.length;
          opts.progress?.update('load', rows, 0);
        },
        error: (e) => {
          errors.push(e);
          opts.onRowError?.(e);
        },
      },
      { strict: opts.strict },
    );
    const result = await session.commit();
    opts.progress?.end('load');
    return { summary, result, errors };
  } catch (err) {
    await session.rollback();
    throw err;
  }
}
