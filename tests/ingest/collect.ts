// Test helpers: run ingest into an in-memory sink and keep everything it received; write small
// input files into a fresh temporary folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatRowError, ingest, type IngestOptions } from '../../engine/ingest/index.js';
import type { Actor, IngestSummary, Interaction, RowError } from '../../engine/model/types.js';

export interface Collected {
  summary: IngestSummary;
  actors: Actor[];
  interactions: Interaction[];
  errors: RowError[];
  /** formatRowError of each error, in order. */
  messages: string[];
  /** Sink calls in order: 'a<n>' for an actor batch of n, 'i<n>' for an interaction batch. */
  calls: string[];
}

export async function collect(path: string, opts?: IngestOptions): Promise<Collected> {
  const actors: Actor[] = [];
  const interactions: Interaction[] = [];
  const errors: RowError[] = [];
  const calls: string[] = [];
  const summary = await ingest(
    path,
    {
      actors: (b) => {
        calls.push(`a${b.length}`);
        actors.push(...b);
      },
      interactions: (b) => {
        calls.push(`i${b.length}`);
        interactions.push(...b);
      },
      error: (e) => {
        errors.push(e);
      },
    },
    opts,
  );
  return { summary, actors, interactions, errors, messages: errors.map(formatRowError), calls };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'socap-ingest-'));
}

/** Writes `content` (text as UTF-8, or bytes) to `name` inside `dir`, creating folders; returns the path. */
export function writeInput(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Writes a CSV file with the given lines joined by LF and a final LF. */
export function writeCsv(dir: string, name: string, lines: string[]): string {
  return writeInput(dir, name, lines.map((l) => `${l}\n`).join(''));
}
