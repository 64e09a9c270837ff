import { describe, expect, it } from 'vitest';
import { createProgress } from '../../engine/run/progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, s: { write: (c: string) => chunks.push(c), isTTY, columns: 100 } };
}

describe('progress', () => {
  it('auto is a bar on a terminal: throttled, with the last count shown when the stage ends', () => {
    const { chunks, s } = stream(true);
    const p = createProgress('auto', s);
    for (let i = 1; i <= 5; i++) p.update('load', i * 1000, 0);
    p.end('load');
    const text = chunks.join('');
    expect(text.startsWith('\rload           1000 rows ')).toBe(true);
    expect(text).toContain('\rload           5000 rows ');
    expect(text).not.toContain('3000 rows');
    expect(text.endsWith('\n')).toBe(true);
    chunks.length = 0;
    p.update('paths', 5, 10);
    p.update('paths', 10, 10);
    expect(chunks.join('')).toContain('100% 10/10');
  });

  it('auto is JSON lines off a terminal; quiet prints nothing', () => {
    const { chunks, s } = stream(false);
    const p = createProgress('auto', s);
    p.update('paths', 10, 10);
    p.info('hello');
    const lines = chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].progress).toMatchObject({ stage: 'paths', done: 10, total: 10 });
    expect(lines[1]).toEqual({ info: 'hello' });
    const q = stream(true);
    const quiet = createProgress('quiet', q.s);
    quiet.update('x', 1, 1);
    quiet.info('y');
    quiet.end('x');
    expect(q.chunks).toEqual([]);
  });
});
