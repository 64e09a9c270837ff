// Request bodies that are files: a `text/csv` upload is streamed to a temporary file (never held in
// memory as a whole) so the engine's ingest reads it exactly as it reads a file from the CLI.
// The size limit is checked against Content-Length first and then while streaming.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import { HttpError } from './http-error.js';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** '16mb' → 16777216; plain numbers are bytes. */
export function parseByteSize(v: string | number): number {
  if (typeof v === 'number') return v;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(v);
  if (!m) throw new Error(`invalid size "${v}": use e.g. 512kb, 16mb`);
  return Math.floor(Number(m[1]) * UNITS[(m[2] ?? 'b').toLowerCase()]!);
}

export function tooLarge(limit: number): HttpError {
  return new HttpError(413, `request body is larger than the limit of ${limit} bytes`);
}

/** 415 unless the request declares `type` (parameters such as charset allowed). */
export function requireContentType(req: Request, type: string): void {
  if (!req.is(type)) {
    throw new HttpError(415, `expected Content-Type ${type}, got ${req.headers['content-type'] ?? 'none'}`);
  }
}

export interface Upload {
  path: string;
  bytes: number;
  cleanup(): Promise<void>;
}

/** Streams the request body into `<tmp>/<fileName>`; 413 past `limit` bytes. */
export async function receiveFile(req: Request, fileName: string, limit: number): Promise<Upload> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge(limit);
  }
  const dir = await mkdtemp(join(tmpdir(), 'socap-upload-'));
  const path = join(dir, fileName);
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path);
      let failed = false;
      const fail = (err: Error): void => {
        if (failed) return;
        failed = true;
        out.destroy();
        // Keep reading (and discarding) the rest of the body so the error response can be sent.
        req.resume();
        reject(err);
      };
      req.on('data', (chunk: Buffer) => {
        if (failed) return;
        bytes += chunk.length;
        if (bytes > limit) return fail(tooLarge(limit));
        if (!out.write(chunk)) {
          req.pause();
          out.once('drain', () => req.resume());
        }
      });
      req.on('end', () => {
        if (!failed) out.end();
      });
      req.on('error', () => fail(new HttpError(400, 'the request body could not be read completely')));
      req.on('close', () => {
        if (!req.complete) fail(new HttpError(400, 'the request body could not be read completely'));
      });
      out.on('finish', () => {
        if (!failed) resolve();
      });
      out.on('error', (err) => fail(err));
    });
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { path, bytes, cleanup };
}
