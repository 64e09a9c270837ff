// Reads a file as UTF-8 text, one decoded chunk at a time (fs.createReadStream + a streaming
// TextDecoder, so a multi-byte character split across two chunks is decoded whole). A leading byte
// order mark is dropped. Bytes that are not UTF-8, or a read failure, fail the whole input.
// Cost: one pass over the file; memory one chunk.
import { createReadStream } from 'node:fs';
import { InputError } from '../model/types.js';

/**
 * Offset of the first byte of `b` that does not start a well-formed UTF-8 sequence; b.length if
 * none (a sequence cut off by the end of `b` counts as well-formed: the next chunk may complete it).
 */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    for (let k = 1; k <= need && i + k < b.length; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return b.length;
}

/**
 * Yields the decoded text of `path` chunk by chunk (the last piece may be empty).
 * `lineReached` is the line where the next chunk starts, for the message about invalid UTF-8.
 */
export async function* readTextChunks(path: string, highWaterMark: number, lineReached: () => number): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      let line = lineReached();
      // When this chunk holds no bad sequence, the fault is in the bytes carried over from the last one.
      if (bytes !== undefined) {
        const bad = firstInvalidUtf8(bytes);
        if (bad < bytes.length) for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
      }
      throw new InputError(`${path}:${line}: not valid UTF-8 text`);
    }
  };
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = (await chunks.next()) as IteratorResult<Buffer>;
      } catch (err) {
        throw new InputError(`${path}: cannot read: ${(err as Error).message}`);
      }
      if (next.done === true) break;
      yield decode(next.value);
    }
    yield decode();
  } finally {
    stream.destroy();
  }
}
