// An HTTP-level cache in front of the express app for reads of finished runs.
// A run's scores never change once it is stored, so a successful GET of a sub-resource of a run
// named by its id (`/api/runs/r-…/nodes`, `/api/runs/r-…/nodes/{actor}`, …) always returns the
// same bytes. The first such response is captured whole (status, headers set by helmet and the
// route, body); later identical GETs are answered from memory without entering express, so hot
// reads cost about what a bare node:http server costs. Nothing else is cached: `latest`, run status,
// uploads and every non-GET go through express. The app empties the cache when a data set's stored
// actors or runs change (an upload ends, a data set is deleted: `clear()`), so a deleted run's scores
// or a reloaded actor's old attributes are never served again; a response begun before such a change
// is not kept. New runs and what-if requests change no stored run, so they leave the cache alone
// (background runs finishing one after another would otherwise send every read back through express).
// Off when reads need a token or CORS is configured; requests carrying Authorization or Origin
// headers always go through express (a wrong token must still get its 401).
import type { IncomingMessage, ServerResponse, OutgoingHttpHeaders } from 'node:http';
import { RUN_ID_PATTERN } from '../engine/store/run-id.js';

interface Entry {
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export const FAST_READ_CACHE_BYTES = 64 * 1024 * 1024;
const RUN_PATH = /^\/api\/runs\/([^/?]+)\/[^?]+/;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FastReads {
  handler: RequestHandler;
  clear(): void;
  /** Entries held (for tests). */
  size(): number;
}

export function fastReads(next: RequestHandler, opts: { enabled: boolean; maxBytes?: number }): FastReads {
  const cache = new Map<string, Entry>();
  const max = opts.maxBytes ?? FAST_READ_CACHE_BYTES;
  let bytes = 0;
  /** Bumped by every clear: a response begun in an earlier generation is not kept. */
  let generation = 0;
  const clear = (): void => {
    cache.clear();
    bytes = 0;
    generation++;
  };
  const cacheable = (req: IncomingMessage): string | undefined => {
    if (!opts.enabled || req.method !== 'GET' || !req.url) return undefined;
    if (req.headers.authorization !== undefined || req.headers.origin !== undefined) return undefined;
    const m = RUN_PATH.exec(req.url);
    if (!m || !RUN_ID_PATTERN.test(m[1]!)) return undefined;
    return req.url;
  };
  const handler: RequestHandler = (req, res) => {
    const key = cacheable(req);
    if (key === undefined) return next(req, res);
    const hit = cache.get(key);
    if (hit) {
      res.writeHead(200, hit.headers);
      res.end(hit.body);
      return;
    }
    const begun = generation;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    (res as { end: (...args: unknown[]) => ServerResponse }).end = (...args: unknown[]): ServerResponse => {
      const chunk = args[0];
      if (begun === generation && res.statusCode === 200 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        const body = typeof chunk === 'string' ? Buffer.from(chunk, typeof args[1] === 'string' ? (args[1] as BufferEncoding) : 'utf8') : chunk;
        if (body.length <= max / 16) {
          cache.set(key, { headers: res.getHeaders(), body });
          bytes += body.length;
          for (const [k, v] of cache) {
            if (bytes <= max) break;
            cache.delete(k);
            bytes -= v.body.length;
          }
        }
      }
      return end(...args);
    };
    next(req, res);
  };
  return { handler, clear, size: () => cache.size };
}
