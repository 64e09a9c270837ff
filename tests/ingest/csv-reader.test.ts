import { describe, expect, it } from 'vitest';
import { CsvParser, readCsvRecords, type CsvRecord } from '../../engine/ingest/csv-reader.js';
import { tempDir, writeInput } from './collect.js';

/** Parses `text` fed in pieces cut at `cuts` (offsets into the text). */
function parse(text: string, cuts: number[] = []): CsvRecord[] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    parser.push(text.slice(from, cut), out);
    from = cut;
  }
  parser.end(out);
  return out;
}

const rows = (records: CsvRecord[]): [number, string[]][] => records.map((r) => [r.line, r.fields]);

async function readAll(path: string, highWaterMark?: number): Promise<CsvRecord[]> {
  const all: CsvRecord[] = [];
  for await (const batch of readCsvRecords(path, { highWaterMark })) all.push(...batch);
  return all;
}

describe('CsvParser line endings', () => {
  const expected: [number, string[]][] = [
    [1, ['a', 'b']],
    [2, ['1', '2']],
  ];
  it('reads LF, CRLF and lone CR line endings alike', () => {
    expect(rows(parse('a,b\n1,2\n'))).toEqual(expected);
    expect(rows(parse('a,b\r\n1,2\r\n'))).toEqual(expected);
    expect(rows(parse('a,b\r1,2\r'))).toEqual(expected);
  });
  it('reads the last record with or without a trailing line break', () => {
    expect(rows(parse('a,b\n1,2'))).toEqual(expected);
    expect(rows(parse('a,b\r\n1,2'))).toEqual(expected);
  });
  it('drops a leading byte order mark', () => {
    expect(rows(parse('\uFEFFa,b\n1,2\n'))).toEqual(expected);
  });
  it('skips blank and whitespace-only lines silently but counts them as lines', () => {
    expect(rows(parse('a\n\n  \t \r\n\nb\n\n'))).toEqual([
      [1, ['a']],
      [5, ['b']],
    ]);
  });
  it('keeps a line holding only "" as a record with one empty field', () => {
    expect(rows(parse('a\n""\nb'))).toEqual([
      [1, ['a']],
      [2, ['']],
      [3, ['b']],
    ]);
  });
  it('reads nothing from an empty text', () => {
    expect(parse('')).toEqual([]);
    expect(parse('\uFEFF\n\n')).toEqual([]);
  });
});

describe('CsvParser fields', () => {
  it('keeps empty fields, including a trailing one', () => {
    expect(rows(parse('a,,b,\n'))).toEqual([[1, ['a', '', 'b', '']]]);
  });
  it('reads quoted fields holding commas and doubled quotes', () => {
    expect(rows(parse('"a,b",c\n"say ""hi""",""""\n'))).toEqual([
      [1, ['a,b', 'c']],
      [2, ['say "hi"', '"']],
    ]);
  });
  it('reads quoted line breaks verbatim and numbers records by the line they start on', () => {
    expect(rows(parse('h,x\n"multi\nline",x\n"cr\r\nlf",y\r\nnext,z\n'))).toEqual([
      [1, ['h', 'x']],
      [2, ['multi\nline', 'x']],
      [4, ['cr\r\nlf', 'y']],
      [6, ['next', 'z']],
    ]);
  });
  it('trims ASCII spaces and tabs around unquoted fields, never inside quotes', () => {
    expect(rows(parse(' a ,\tb\t, "  c  " ,d e\n'))).toEqual([[1, ['a', 'b', '  c  ', 'd e']]]);
  });
  it('keeps a quote inside an unquoted field as written', () => {
    expect(rows(parse('ab"c,5"\n'))).toEqual([[1, ['ab"c', '5"']]]);
  });
  it('keeps ids exactly: leading zeros, accents, CJK and emoji', () => {
    expect(rows(parse('007,Zoë,東京,👩‍💻,\u00a0x\n'))).toEqual([[1, ['007', 'Zoë', '東京', '👩‍💻', '\u00a0x']]]);
  });
});

describe('CsvParser malformed records', () => {
  it('reports a quote still open at the end of the file', () => {
    const out = parse('a,b\n"open,x\ny');
    expect(out).toHaveLength(2);
    expect(out[1]).toEqual({
      line: 2,
      fields: ['open,x\ny'],
      error: 'unterminated quoted field (no closing quote before the end of the file)',
    });
  });
  it('reports text after a closing quote and reads on from the next line', () => {
    const out = parse('x,"ab"cd,e\nf,g\n');
    expect(out[0]!.error).toBe('unexpected text after a closing quote in field 2');
    expect(out[0]!.line).toBe(1);
    expect(out[1]).toEqual({ line: 2, fields: ['f', 'g'] });
  });
});

describe('CsvParser chunk boundaries', () => {
  const text =
    '\uFEFFsource,target,note\r\n' +
    'Zoë,東京,"a, ""quoted""\r\nvalue"\r\n' +
    '\r\n' +
    ' 👩‍💻 ,007,plain\r' +
    'x,"y",""\n' +
    '"last","one","no newline"';
  const whole = parse(text);

  it('reads the sample as expected in one piece', () => {
    expect(rows(whole)).toEqual([
      [1, ['source', 'target', 'note']],
      [2, ['Zoë', '東京', 'a, "quoted"\r\nvalue']],
      [5, ['👩‍💻', '007', 'plain']],
      [6, ['x', 'y', '']],
      [7, ['last', 'one', 'no newline']],
    ]);
  });
  it('reads the same records whatever single point the text is cut at', () => {
    for (let k = 0; k <= text.length; k++) expect(parse(text, [k]), `cut at ${k}`).toEqual(whole);
  });
  it('reads the same records fed one character at a time', () => {
    expect(parse(text, Array.from({ length: text.length }, (_, i) => i))).toEqual(whole);
  });
  it('reads the same records from a file read in chunks of 1 to 7 bytes, splitting multi-byte characters', async () => {
    const path = writeInput(tempDir(), 'sample.csv', text);
    for (const hwm of [1, 2, 3, 5, 7]) expect(await readAll(path, hwm), `highWaterMark ${hwm}`).toEqual(whole);
  });
  it('fails the whole file on bytes that are not UTF-8', async () => {
    // "a\nb,é\nc" in Latin-1: the é (0xE9) on line 2 is not UTF-8.
    const path = writeInput(tempDir(), 'latin1.csv', Uint8Array.from([0x61, 0x0a, 0x62, 0x2c, 0xe9, 0x0a, 0x63]));
    await expect(readAll(path)).rejects.toThrow(`${path}:2: not valid UTF-8 text`);
    for (const hwm of [1, 3]) await expect(readAll(path, hwm)).rejects.toThrow(`${path}:2: not valid UTF-8 text`);
  });
});
