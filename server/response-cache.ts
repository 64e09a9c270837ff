// Serialized responses of a run view, kept with the view. A finished run never changes, so the JSON
// a read route returns is a pure function of the run, the route and its validated parameters and
// query; the text is built once and reused. Bounded per view by total characters (largest responses
// are not kept), evicting the oldest entries first.
import type { RunView } from './run-view.js';

/** A response body already serialized as JSON. */
export class SerializedJson {
  constructor(readonly text: string) {}
}

/** Total characters of cached responses per run view. */
export const CACHE_CHARS_PER_VIEW = 32 * 1024 * 1024;
/** Responses longer than this are built every time. */
export const CACHE_MAX_RESPONSE_CHARS = 4 * 1024 * 1024;

export interface ResponseCache {
  entries: Map<string, string>;
  chars: number;
}

export function newResponseCache(): ResponseCache {
  return { entries: new Map(), chars: 0 };
}

/** A stable key of a route's validated inputs (object keys sorted). */
export function cacheKey(operation: string, ...parts: unknown[]): string {
  return operation + JSON.stringify(parts, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

export function cachedJson(view: RunView, key: string, make: () => unknown): SerializedJson {
  const cache = view.responses;
  const hit = cache.entries.get(key);
  if (hit !== undefined) return new SerializedJson(hit);
  const text = JSON.stringify(make());
  if (text.length <= CACHE_MAX_RESPONSE_CHARS) {
    cache.entries.set(key, text);
    cache.chars += text.length;
    for (const [k, v] of cache.entries) {
      if (cache.chars <= CACHE_CHARS_PER_VIEW) break;
      cache.entries.delete(k);
      cache.chars -= v.length;
    }
  }
  return new SerializedJson(text);
}
