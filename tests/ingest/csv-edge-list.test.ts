import { describe, expect, it } from 'vitest';
import { detectFormat, formatRowError, formatSummary, ingest } from '../../engine/ingest/index.js';
import { InputError } from '../../engine/model/types.js';
import { collect, tempDir, writeCsv, writeInput } from './collect.js';

describe('CSV edge list: good rows', () => {
  it('reads columns in any order and case, ignores extra columns, implies actors in first-seen order', async () => {
    const path = writeCsv(tempDir(), 'ties.csv', [
      'Note,TARGET,timestamp,Source,Weight,relation,id',
      'hello,007,2024-03-05,Zoë,2.5,email,m1',
      ',東京,,007,,,',
      'x,Zoë,1709596800,東京,0,call,',
    ]);
    const r = await collect(path);
    expect(r.actors).toEqual([
      { id: 'Zoë', attributes: {} },
      { id: '007', attributes: {} },
      { id: '東京', attributes: {} },
    ]);
    expect(r.interactions).toEqual([
      { source: 'Zoë', target: '007', weight: 2.5, type: 'email', timestamp: 1709596800000, id: 'm1', line: 2 },
      { source: '007', target: '東京', weight: 1, line: 3 },
      { source: '東京', target: 'Zoë', weight: 0, type: 'call', timestamp: 1709596800000, line: 4 },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.summary).toEqual({
      format: 'csv',
      files: [path],
      actorsRead: 3,
      interactionsRead: 3,
      skipped: 0,
      errors: 0,
      warnings: 0,
    });
    expect(formatSummary(r.summary)).toBe('csv: read 3 actors and 3 interactions; 0 rows skipped (0 errors, 0 warnings)');
  });

  it('prefers `type` over `relation` when both columns are present', async () => {
    const path = writeCsv(tempDir(), 'both.csv', ['source,target,relation,type', 'a,b,rel,typ']);
    expect((await collect(path)).interactions[0]!.type).toBe('typ');
  });

  it('hands batches of at most batchSize to the sink, actors before the interactions naming them', async () => {
    const path = writeCsv(tempDir(), 'b.csv', ['source,target', 'a,b', 'b,c', 'c,d', 'd,e', 'e,a']);
    const r = await collect(path, { batchSize: 2 });
    expect(r.calls).toEqual(['a2', 'a2', 'a1', 'i2', 'i2', 'i1']);
    expect(r.interactions.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('awaits each sink call before handing over the next (back-pressure)', async () => {
    const lines = ['source,target'];
    for (let i = 0; i < 50; i++) lines.push(`n${i},n${i + 1}`);
    const path = writeCsv(tempDir(), 'slow.csv', lines);
    let inFlight = 0;
    let maxInFlight = 0;
    let received = 0;
    const slow = async (n: number): Promise<void> => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      received += n;
      inFlight--;
    };
    await ingest(path, { actors: () => slow(0), interactions: (b) => slow(b.length), error: () => {} }, { batchSize: 7, highWaterMark: 16 });
    expect(maxInFlight).toBe(1);
    expect(received).toBe(50);
  });
});

describe('CSV edge list: bad rows', () => {
  const lines = [
    'source,target,weight,timestamp', // 1
    'a,b,abc,', // 2
    'a,b,-2,', // 3
    'a,b,1e999,', // 4
    ',b,1,', // 5
    'a,  ,1,', // 6
    'a,b,1,yesterday', // 7
    'a,b,1', // 8
    'c,c,1,', // 9
    'a,b,"1,5', // 10: quote never closed
  ];

  it('reports each bad row with file, line, column and reason, and keeps none of them', async () => {
    const path = writeCsv(tempDir(), 'edges.csv', [...lines.slice(0, 9), 'a,b,3,2024-01-01', lines[9]!]);
    const r = await collect(path);
    expect(r.messages).toEqual([
      `${path}:2: column "weight": non-numeric weight "abc"`,
      `${path}:3: column "weight": negative weight "-2"`,
      `${path}:4: column "weight": infinite weight "1e999"`,
      `${path}:5: column "source": missing source`,
      `${path}:6: column "target": missing target`,
      `${path}:7: column "timestamp": unparseable timestamp "yesterday"`,
      `${path}:8: expected 4 fields, found 3`,
      `${path}:9: warning: self-loop dropped`,
      `${path}:11: unterminated quoted field (no closing quote before the end of the file)`,
    ]);
    expect(r.errors.map((e) => e.severity)).toEqual([...Array<string>(7).fill('error'), 'warning', 'error']);
    expect(r.interactions).toEqual([{ source: 'a', target: 'b', weight: 3, timestamp: 1704067200000, line: 10 }]);
    expect(r.actors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(formatSummary(r.summary)).toBe('csv: read 2 actors and 1 interaction; 9 rows skipped (8 errors, 1 warning)');
  });

  it('strict mode reports every bad row, then fails after the input is read', async () => {
    const path = writeCsv(tempDir(), 'edges.csv', lines.slice(0, 3).concat(['x,y,1,']));
    const seen: string[] = [];
    let interactions = 0;
    const run = ingest(
      path,
      { actors: () => {}, interactions: (b) => void (interactions += b.length), error: (e) => void seen.push(formatRowError(e)) },
      { strict: true },
    );
    await expect(run).rejects.toThrow(new InputError('2 bad rows (strict mode)'));
    expect(seen).toEqual([`${path}:2: column "weight": non-numeric weight "abc"`, `${path}:3: column "weight": negative weight "-2"`]);
    expect(interactions).toBe(1);
  });

  it('strict mode says "1 bad row" for one', async () => {
    const path = writeCsv(tempDir(), 'edges.csv', ['source,target', ',b']);
    await expect(collect(path, { strict: true })).rejects.toThrow(new InputError('1 bad row (strict mode)'));
  });

  it('strict mode does not fail on warnings (dropped self-loops)', async () => {
    const path = writeCsv(tempDir(), 'edges.csv', ['source,target', 'a,a', 'a,b']);
    const r = await collect(path, { strict: true });
    expect(r.messages).toEqual([`${path}:2: warning: self-loop dropped`]);
    expect(r.summary).toMatchObject({ interactionsRead: 1, skipped: 1, errors: 0, warnings: 1 });
  });
});

describe('CSV edge list: whole-input failures', () => {
  it('fails on a missing file', async () => {
    const path = `${tempDir()}/nope.csv`;
    await expect(collect(path)).rejects.toThrow(new InputError(`no such file: ${path}`));
  });
  it('fails on an empty file and on one with only blank lines', async () => {
    const dir = tempDir();
    for (const [name, text] of [
      ['empty.csv', ''],
      ['blank.csv', '\uFEFF\n  \n\r\n'],
    ] as const) {
      const path = writeInput(dir, name, text);
      await expect(collect(path)).rejects.toThrow(new InputError(`${path} is empty`));
    }
  });
  it('fails when the header has no source and target columns, listing what it found', async () => {
    const path = writeCsv(tempDir(), 'x.csv', ['a,b,c', '1,2,3']);
    await expect(collect(path)).rejects.toThrow(
      new InputError(`${path}: no "source" and "target" columns in the header (found: a, b, c)`),
    );
  });
  it('fails when the header names a column twice', async () => {
    const path = writeCsv(tempDir(), 'x.csv', ['source,target,Weight,weight', 'a,b,1,2']);
    await expect(collect(path)).rejects.toThrow(new InputError(`${path}: column "weight" appears twice in the header`));
  });
  it('fails on an unknown extension', async () => {
    const path = writeInput(tempDir(), 'ties.txt', 'source,target\na,b\n');
    await expect(collect(path)).rejects.toThrow(
      new InputError(`${path}: unknown input format (expected a folder, .csv, .json, .graphml or .gexf)`),
    );
  });
});

describe('detectFormat', () => {
  it('knows a folder and each extension, ignoring case', () => {
    const dir = tempDir();
    expect(detectFormat(dir)).toBe('folder');
    expect(detectFormat(writeInput(dir, 'a.CSV', 'x'))).toBe('csv');
    expect(detectFormat(writeInput(dir, 'a.json', 'x'))).toBe('json');
    expect(detectFormat(writeInput(dir, 'a.GraphML', 'x'))).toBe('graphml');
    expect(detectFormat(writeInput(dir, 'a.gexf', 'x'))).toBe('gexf');
  });
  it('throws InputError for a missing path and an unknown extension', () => {
    const dir = tempDir();
    expect(() => detectFormat(`${dir}/missing.csv`)).toThrow(new InputError(`no such file: ${dir}/missing.csv`));
    const xml = writeInput(dir, 'a.xml', 'x');
    expect(() => detectFormat(xml)).toThrow(InputError);
  });
});

describe('formatRowError', () => {
  it('writes one line: file:line: [warning: ][column "c": ]reason', () => {
    expect(formatRowError({ file: 'edges.csv', line: 12, column: 'weight', reason: 'non-numeric weight "abc"', severity: 'error' })).toBe(
      'edges.csv:12: column "weight": non-numeric weight "abc"',
    );
    expect(formatRowError({ file: 'e.csv', line: 3, reason: 'self-loop dropped', severity: 'warning' })).toBe('e.csv:3: warning: self-loop dropped');
  });
  it('quotes values escaped and shortened, so a message stays on one line', async () => {
    const long = 'x'.repeat(100);
    const path = writeCsv(tempDir(), 'e.csv', ['source,target,weight', `a,b,"1\n2"`, `a,b,${long}`]);
    const r = await collect(path);
    expect(r.messages).toEqual([
      `${path}:2: column "weight": non-numeric weight "1\\n2"`,
      `${path}:4: column "weight": non-numeric weight "${'x'.repeat(60)}…"`,
    ]);
  });
});
