// Streaming CSV reader (RFC 4180, with the usual leniencies), fed chunk by chunk so a file of any
// size is never held in memory as one string.
//
// - Records end at LF, CRLF or a lone CR; a record's line is the 1-based line where it starts.
// - Quoted fields may hold commas, line breaks and doubled quotes (`""` → `"`); their content is kept
//   exactly. Spaces before the opening quote and after the closing quote are allowed.
// - Unquoted fields are trimmed of surrounding ASCII spaces and tabs (`a, b` reads as "a" and "b");
//   anything else, including a quote inside the field (`5"`), is kept as written.
// - A line that is empty or holds only spaces and tabs is not a record (skipped silently).
// - A leading byte order mark is dropped; bytes that are not UTF-8 fail the whole input.
// - Problems of one record (text after a closing quote, a quote still open at end of file) come
//   back as a record with `error` set; the caller reports and drops it.
// Cost: one pass over the characters; unquoted fields are taken with `slice`, never built up
// character by character.
import { readTextChunks } from './text-chunks.js';

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
  /** Set when the record is malformed; `fields` are then incomplete. */
  error?: string;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;

/** Parser states. */
const UNQUOTED = 0;
const QUOTED = 1;
/** Inside a quoted field, just after a quote: either the closing quote or the first of `""`. */
const QUOTE_SEEN = 2;
/** After the closing quote, before the delimiter. */
const AFTER_QUOTED = 3;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** `s` without surrounding ASCII spaces and tabs. */
function trimBlanks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function allBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isBlank(s.charCodeAt(i))) return false;
  return true;
}

/**
 * A push parser: `push` decoded text in pieces of any size, then `end` once. Records are appended
 * to the `out` array passed in, so the caller controls how many are held at a time.
 */
export class CsvParser {
  private fields: string[] = [];
  /** Text of the current field carried over from earlier pieces (unescaped when quoted). */
  private partial = '';
  private state = UNQUOTED;
  /** Whether the current field was quoted (a lone `""` is an empty field, not a blank line). */
  private quoted = false;
  /** Line of the next character. */
  private line = 1;
  private recordLine = 1;
  /** The last piece ended in a CR: a LF starting the next piece belongs to the same line break. */
  private pendingCr = false;
  private started = false;
  private recordError: string | undefined;

  /** The line the parser has reached (for messages about the input as a whole). */
  get currentLine(): number {
    return this.line;
  }

  push(s: string, out: CsvRecord[]): void {
    const n = s.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (s.charCodeAt(0) === BOM) i = 1;
    }
    if (this.pendingCr && i < n) {
      this.pendingCr = false;
      if (s.charCodeAt(i) === LF) {
        // The CR ended a record or was quoted content; either way the line was already counted.
        if (this.state === QUOTED) this.partial += '\n';
        i++;
      }
    }
    let start = i;
    while (i < n) {
      const state = this.state;
      if (state === UNQUOTED) {
        let c = 0;
        for (; i < n; i++) {
          c = s.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
        }
        if (i === n) break;
        if (c === QUOTE) {
          if (allBlank(this.partial) && allBlank(s.slice(start, i))) {
            this.state = QUOTED;
            this.quoted = true;
            this.partial = '';
            start = i + 1;
          }
          i++;
          continue;
        }
        const text = this.partial.length === 0 ? s.slice(start, i) : this.partial + s.slice(start, i);
        i = this.endField(trimBlanks(text), s, i, out);
        start = i;
      } else if (state === QUOTED) {
        for (; i < n; i++) {
          const c = s.charCodeAt(i);
          if (c === QUOTE) break;
          if (c === LF) {
            this.line++;
          } else if (c === CR) {
            this.line++;
            if (i + 1 < n) {
              if (s.charCodeAt(i + 1) === LF) i++;
            } else {
              this.pendingCr = true;
            }
          }
        }
        if (i === n) break;
        this.partial += s.slice(start, i);
        this.state = QUOTE_SEEN;
        i++;
        start = i;
      } else if (state === QUOTE_SEEN) {
        if (s.charCodeAt(i) === QUOTE) {
          this.partial += '"';
          this.state = QUOTED;
          i++;
          start = i;
        } else {
          this.state = AFTER_QUOTED;
        }
      } else {
        const c = s.charCodeAt(i);
        if (isBlank(c)) {
          i++;
        } else if (c === COMMA || c === LF || c === CR) {
          this.state = UNQUOTED;
          i = this.endField(this.partial, s, i, out);
          start = i;
        } else {
          // Malformed (`"ab"cd`): report it, and read on as unquoted text up to the next delimiter.
          this.recordError ??= `unexpected text after a closing quote in field ${this.fields.length + 1}`;
          this.state = UNQUOTED;
          start = i;
        }
      }
    }
    if (start < n && (this.state === UNQUOTED || this.state === QUOTED)) this.partial += s.slice(start, n);
  }

  end(out: CsvRecord[]): void {
    if (this.state === QUOTED) {
      this.fields.push(this.partial);
      out.push({
        line: this.recordLine,
        fields: this.fields,
        error: 'unterminated quoted field (no closing quote before the end of the file)',
      });
    } else {
      this.fields.push(this.state === UNQUOTED ? trimBlanks(this.partial) : this.partial);
      this.finishRecord(out);
    }
    this.fields = [];
    this.partial = '';
    this.state = UNQUOTED;
    this.quoted = false;
    this.recordError = undefined;
  }

  /** Ends the current field with `value` at the comma or line break at `i`; returns the index after it. */
  private endField(value: string, s: string, i: number, out: CsvRecord[]): number {
    this.fields.push(value);
    this.partial = '';
    if (s.charCodeAt(i) === COMMA) {
      this.quoted = false;
      return i + 1;
    }
    const next = this.lineBreak(s, i);
    this.endRecord(out);
    return next;
  }

  /** Consumes the line break at `i` (CR, LF or CRLF) and returns the index after it. */
  private lineBreak(s: string, i: number): number {
    this.line++;
    if (s.charCodeAt(i) === CR) {
      if (i + 1 < s.length) {
        if (s.charCodeAt(i + 1) === LF) return i + 2;
      } else {
        this.pendingCr = true;
      }
    }
    return i + 1;
  }

  private endRecord(out: CsvRecord[]): void {
    this.finishRecord(out);
    this.fields = [];
    this.quoted = false;
    this.recordError = undefined;
    this.recordLine = this.line;
  }

  private finishRecord(out: CsvRecord[]): void {
    const f = this.fields;
    if (f.length === 1 && f[0] === '' && !this.quoted && this.recordError === undefined) return;
    if (this.recordError === undefined) out.push({ line: this.recordLine, fields: f });
    else out.push({ line: this.recordLine, fields: f, error: this.recordError });
  }
}

export interface CsvReadOptions {
  /** Bytes read from the file at a time (default 64 KiB). */
  highWaterMark?: number;
}

/**
 * Streams the records of the CSV file at `path`, one array per chunk read (possibly empty).
 * Throws InputError when the file cannot be read or is not UTF-8.
 */
export async function* readCsvRecords(path: string, opts: CsvReadOptions = {}): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser();
  for await (const text of readTextChunks(path, opts.highWaterMark ?? 64 * 1024, () => parser.currentLine)) {
    const out: CsvRecord[] = [];
    parser.push(text, out);
    yield out;
  }
  const out: CsvRecord[] = [];
  parser.end(out);
  yield out;
}
