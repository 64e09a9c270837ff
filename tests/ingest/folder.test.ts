import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../engine/ingest/index.js';
import { InputError } from '../../engine/model/types.js';
import { collect, tempDir, writeCsv } from './collect.js';

// Real data sets bundled under datasets/ (copies from the shared collection, with their READMEs).
const DATASETS = join(import.meta.dirname, '..', '..', 'datasets');

describe('folder: actors file', () => {
  it('maps id, label and kind; every other non-empty column becomes a text attribute', async () => {
    const dir = tempDir();
    writeCsv(dir, 'actors.csv', ['ID,Label,kind,department,level', 'a,Ann,person,Sales,3', '007,,team,,', 'c,Cy,,R&D,']);
    writeCsv(dir, 'interactions.csv', ['source,target', 'a,007']);
    const r = await collect(dir);
    expect(r.actors).toEqual([
      { id: 'a', label: 'Ann', kind: 'person', attributes: { department: 'Sales', level: '3' } },
      { id: '007', kind: 'team', attributes: {} },
      { id: 'c', label: 'Cy', attributes: { department: 'R&D' } },
    ]);
    expect(r.interactions).toEqual([{ source: 'a', target: '007', weight: 1, line: 2 }]);
    expect(r.summary.files).toEqual([join(dir, 'actors.csv'), join(dir, 'interactions.csv')]);
  });

  it('rejects bad actor rows, then the interactions that name them', async () => {
    const dir = tempDir();
    const actors = writeCsv(dir, 'nodes.csv', ['id,kind', 'a,person', 'r,robot', ',person', 'a,org', 'b,', 'c']);
    const edges = writeCsv(dir, 'edges.csv', ['source,target,weight', 'a,b,1', 'a,r,1', 'zz,a,1', 'b,b,1', 'b,a,x']);
    const r = await collect(dir);
    expect(r.messages).toEqual([
      `${actors}:3: column "kind": invalid kind "robot" (expected person, team, org or external)`,
      `${actors}:4: column "id": missing id`,
      `${actors}:5: column "id": duplicate actor id "a" (first on line 2)`,
      `${actors}:7: expected 2 fields, found 1`,
      `${edges}:3: column "target": unknown actor "r" (its row in nodes.csv was rejected)`,
      `${edges}:4: column "source": unknown actor "zz" (not in nodes.csv)`,
      `${edges}:5: warning: self-loop dropped`,
      `${edges}:6: column "weight": non-numeric weight "x"`,
    ]);
    expect(r.actors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(r.interactions).toEqual([{ source: 'a', target: 'b', weight: 1, line: 2 }]);
    expect(formatSummary(r.summary)).toBe('folder: read 2 actors and 1 interaction; 8 rows skipped (7 errors, 1 warning)');
  });

  it('prefers actors.csv to nodes.csv and interactions.csv to edges.csv', async () => {
    const dir = tempDir();
    writeCsv(dir, 'actors.csv', ['id', 'x', 'y']);
    writeCsv(dir, 'nodes.csv', ['id', 'p', 'q']);
    writeCsv(dir, 'interactions.csv', ['source,target', 'x,y']);
    writeCsv(dir, 'edges.csv', ['source,target', 'p,q']);
    const r = await collect(dir);
    expect(r.actors.map((a) => a.id)).toEqual(['x', 'y']);
    expect(r.interactions.map((i) => [i.source, i.target])).toEqual([['x', 'y']]);
  });
});

describe('folder: relations.csv', () => {
  it('marks interactions of relations with directed=false as undirected', async () => {
    const dir = tempDir();
    writeCsv(dir, 'nodes.csv', ['id', 'a', 'b']);
    const relations = writeCsv(dir, 'relations.csv', ['relation,directed,description', 'advice,true,x', 'cowork,FALSE,y', 'odd,maybe,z', ',false,w']);
    writeCsv(dir, 'edges.csv', ['source,target,relation', 'a,b,advice', 'a,b,cowork', 'a,b,odd', 'a,b,']);
    const r = await collect(dir);
    expect(r.interactions).toEqual([
      { source: 'a', target: 'b', type: 'advice', weight: 1, line: 2 },
      { source: 'a', target: 'b', type: 'cowork', weight: 1, line: 3, undirected: true },
      { source: 'a', target: 'b', type: 'odd', weight: 1, line: 4 },
      { source: 'a', target: 'b', weight: 1, line: 5 },
    ]);
    expect(r.messages).toEqual([
      `${relations}:4: warning: column "directed": directed must be "true" or "false", found "maybe"; relation treated as directed`,
      `${relations}:5: column "relation": missing relation`,
    ]);
    expect(r.summary).toMatchObject({ skipped: 1, errors: 1, warnings: 1 });
    expect(r.summary.files).toEqual([join(dir, 'nodes.csv'), relations, join(dir, 'edges.csv')]);
  });

  it('fails when relations.csv lacks its columns', async () => {
    const dir = tempDir();
    writeCsv(dir, 'nodes.csv', ['id', 'a']);
    writeCsv(dir, 'edges.csv', ['source,target']);
    const relations = writeCsv(dir, 'relations.csv', ['name,kind']);
    await expect(collect(dir)).rejects.toThrow(
      new InputError(`${relations}: no "relation" and "directed" columns in the header (found: name, kind)`),
    );
  });
});

describe('folder: whole-input failures', () => {
  it('fails without a nodes file, and without an interactions file', async () => {
    const a = tempDir();
    writeCsv(a, 'edges.csv', ['source,target']);
    await expect(collect(a)).rejects.toThrow(new InputError(`${a}: no nodes file (actors.csv or nodes.csv)`));
    const b = tempDir();
    writeCsv(b, 'nodes.csv', ['id']);
    await expect(collect(b)).rejects.toThrow(new InputError(`${b}: no interactions file (interactions.csv or edges.csv)`));
  });
  it('fails on a nodes file without an id column, with an unnamed column, or empty', async () => {
    const dir = tempDir();
    writeCsv(dir, 'edges.csv', ['source,target']);
    const nodes = writeCsv(dir, 'nodes.csv', ['name,dept', 'a,b']);
    await expect(collect(dir)).rejects.toThrow(new InputError(`${nodes}: no "id" column in the header (found: name, dept)`));
    writeCsv(dir, 'nodes.csv', ['id,,dept', 'a,1,b']);
    await expect(collect(dir)).rejects.toThrow(new InputError(`${nodes}: column 2 of the header has no name`));
    writeCsv(dir, 'nodes.csv', []);
    await expect(collect(dir)).rejects.toThrow(new InputError(`${nodes} is empty`));
  });
  it('fails on an interactions file without source and target columns', async () => {
    const dir = tempDir();
    writeCsv(dir, 'nodes.csv', ['id', 'a']);
    const edges = writeCsv(dir, 'edges.csv', ['from,to', 'a,a']);
    await expect(collect(dir)).rejects.toThrow(new InputError(`${edges}: no "source" and "target" columns in the header (found: from, to)`));
  });
});

describe('folder: real data sets', () => {
  it('krackhardt-hightech-managers: 21 actors, 312 interactions, attributes as text', async () => {
    const r = await collect(join(DATASETS, 'krackhardt-hightech-managers'));
    expect(r.summary).toMatchObject({ format: 'folder', actorsRead: 21, interactionsRead: 312, skipped: 0, errors: 0, warnings: 0 });
    expect(r.actors[0]).toEqual({
      id: 'A01',
      attributes: { age: '33', tenure: '9.333', level: '3', department: '4', level_label: 'Manager' },
    });
    expect(r.interactions.at(-1)).toEqual({ source: 'A21', target: 'A07', type: 'reports_to', weight: 1, line: 313 });
    expect(r.interactions.filter((i) => i.undirected)).toHaveLength(0);
  });

  it('email-eu-core: 25571 rows, of which 642 self-loops dropped with a warning each', async () => {
    const r = await collect(join(DATASETS, 'email-eu-core'));
    expect(r.summary).toMatchObject({ actorsRead: 1005, interactionsRead: 24929, skipped: 642, errors: 0, warnings: 642 });
    expect(r.errors.every((e) => e.reason === 'self-loop dropped' && e.severity === 'warning')).toBe(true);
    expect(r.actors[0]).toEqual({ id: '0', attributes: { department: '1' } });
  });

  it('lazega-law-firm: the 378 cowork interactions are undirected (relations.csv)', async () => {
    const r = await collect(join(DATASETS, 'lazega-law-firm'));
    expect(r.summary).toMatchObject({ actorsRead: 71, interactionsRead: 1845, skipped: 0 });
    const undirected = r.interactions.filter((i) => i.undirected);
    expect(undirected).toHaveLength(378);
    expect(new Set(undirected.map((i) => i.type))).toEqual(new Set(['cowork']));
  });
});
