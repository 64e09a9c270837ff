// Streams an XML file through saxes, chunk by chunk, never building a document tree. Element and
// text events go to a handler; the context is drained after each chunk so batches reach the sink
// while the file is read. Names are local (any `prefix:` dropped). The handler gets the line where
// each element starts. Malformed XML fails the whole input (InputError), as does a root element
// other than the expected one.
// Cost: one pass over the file.
import { SaxesParser } from 'saxes';
import { InputError } from '../model/types.js';
import type { IngestContext } from './ingest-context.js';
import { readTextChunks } from './text-chunks.js';

export interface XmlHandler {
  open(name: string, attributes: Record<string, string>, line: number): void;
  close(name: string): void;
  /** Character data (text and CDATA), entities decoded. */
  text(t: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Streams `path` into `handler`. `root` is the required root element, `kind` names the format in messages. */
export async function streamXml(path: string, ctx: IngestContext, root: string, kind: string, handler: XmlHandler): Promise<void> {
  ctx.files.push(path);
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let depth = 0;
  let startLine = 1;
  parser.on('opentagstart', () => {
    // saxes has read the name; when a line break ended it, the element started on the line before.
    startLine = parser.column === 0 ? parser.line - 1 : parser.line;
  });
  let sawElement = false;
  parser.on('opentag', (tag) => {
    sawElement = true;
    const name = localName(tag.name);
    if (depth === 0 && name !== root) throw new InputError(`${path}: not a ${kind} document (root element <${tag.name}>)`);
    depth++;
    handler.open(name, tag.attributes, startLine);
  });
  parser.on('closetag', (tag) => {
    depth--;
    handler.close(localName(tag.name));
  });
  parser.on('text', (t) => {
    if (depth > 0) handler.text(t);
  });
  parser.on('cdata', (t) => handler.text(t));

  const feed = (text: string | null): void => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
    } catch (err) {
      if (err instanceof InputError) throw err;
      if (text === null && !sawElement) throw new InputError(`${path} is empty`);
      throw new InputError(`${path}: malformed XML: ${(err as Error).message}`);
    }
  };
  for await (const text of readTextChunks(path, ctx.highWaterMark, () => parser.line)) {
    feed(text);
    await ctx.drain();
  }
  feed(null);
}
