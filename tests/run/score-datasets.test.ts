// Scoring the bundled real data sets end to end writes every nodes.csv column.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../engine/store/sqlite.js';
import { loadInput } from '../../engine/run/load.js';
import { scoreDataset } from '../../engine/run/score.js';
import { NODE_METRIC_COLUMNS } from '../../engine/run/options.js';

const datasets = join(import.meta.dirname, '..', '..', 'datasets');

describe('score on bundled real data sets', () => {
  it.each([
    ['krackhardt-hightech-managers', 21, 159, 'department'],
    ['lazega-law-firm', 71, 881, undefined],
    ['email-eu-core', 1005, 16064, 'department'],
  ])('%s: every column, exact counts', async (name, actors, ties, group) => {
    const store = openSqliteStore({ workspace: mkdtempSync(join(tmpdir(), 'socap-ds-')) });
    try {
      await loadInput(store, 'd', join(datasets, name));
      const r = await scoreDataset({ store, dataset: 'd' });
      expect(r.nodeColumns).toEqual([...NODE_METRIC_COLUMNS]);
      expect(r.run.counts.actors).toBe(actors);
      expect(r.run.counts.ties).toBe(ties);
      expect(r.run.parameters.group).toBe(group ?? 'community');
      const liaison = r.nodes.map((n) => n.values.liaison);
      if (group) expect(liaison.some((v) => typeof v === 'number' && v > 0)).toBe(true);
      else expect(liaison.every((v) => v === null)).toBe(true);
      expect(r.edgeColumns.slice(0, 6)).toEqual(['strength', 'strong', 'overlap', 'local_bridge', 'span', 'bridge']);
      // Saved and read back identically.
      const back = await store.readNodeScores(r.run.id);
      expect(back.length).toBe(actors);
      expect(back[0]!.values.betweenness).toBe(r.nodes[0]!.values.betweenness);
    } finally {
      await store.close();
    }
  });
});
