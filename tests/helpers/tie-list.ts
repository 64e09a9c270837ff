// Reads a fixture tie list (tests/fixtures/ties/<name>.csv: a,b,strength; a row with an empty b is
// an isolate) into a CSR, with nodes numbered in order of first appearance. The NetworkX fixture
// scripts build their graphs from the same files in the same order.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { csrFromTies, type Csr } from '../../engine/graph/csr.js';

const here = dirname(fileURLToPath(import.meta.url));

export function tieListPath(name: string): string {
  return join(here, '..', 'fixtures', 'ties', `${name}.csv`);
}

export const TIE_LISTS = ['zachary', 'florentine', 'krackhardt', 'lazega', 'ukfaculty', 'workplace2013', 'eies-messages', 'hawthorne'] as const;

/** Numbers ids in order of first appearance. */
function numbering(): { ids: string[]; node: (id: string) => number } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const node = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      index.set(id, i);
    }
    return i;
  };
  return { ids, node };
}

export function loadTieList(name: string): Csr {
  const lines = readFileSync(tieListPath(name), 'utf8').split('\n').slice(1).filter((l) => l.length > 0);
  const { ids, node } = numbering();
  const src: number[] = [];
  const dst: number[] = [];
  const w: number[] = [];
  for (const line of lines) {
    const [a, b, s] = line.split(',');
    const ia = node(a!);
    if (!b) continue;
    src.push(ia);
    dst.push(node(b));
    w.push(Number(s));
  }
  return csrFromTies(ids, Int32Array.from(src), Int32Array.from(dst), Float64Array.from(w));
}

/** A CSR from an inline list of [a, b, strength] (strength defaults to 1) plus optional isolates. */
export function csrOf(ties: Array<[string, string, number?]>, isolates: string[] = []): Csr {
  const { ids, node } = numbering();
  const src = ties.map(([a]) => node(a));
  const dst = ties.map(([, b]) => node(b));
  for (const x of isolates) node(x);
  return csrFromTies(ids, Int32Array.from(src), Int32Array.from(dst), Float64Array.from(ties.map(([, , s]) => s ?? 1)));
}
