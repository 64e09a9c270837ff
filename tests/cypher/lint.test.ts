// Offline lint of every statement under cypher/ with Neo4j's own Cypher front end
// (@neo4j-cypher/language-support: the parser plus the semantic analysis compiled from Neo4j).
//
// The schema handed to the linter:
// - labels and relationship types of socap's graph model, so a misspelt label is reported;
// - the built-in functions, and exactly the GDS functions and procedures socap calls, with the
//   signatures Neo4j's language-support package recorded from a Neo4j 5 database with GDS 2.x
//   (`testData.mockSchema`); any other procedure or function is then an error, and a YIELD column
//   missing from a signature is an error of the semantic analysis;
// - per file, exactly the parameters its header comment names, so an undeclared parameter is an
//   error ("Parameter $x is not defined.") and the header cannot drift from the statement.
// Warnings are failures too, except those listed in ALLOWED_WARNINGS (none today).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DbSchema, Neo4jFunction, Neo4jProcedure, SyntaxDiagnostic } from '@neo4j-cypher/language-support';
import { CYPHER_DIR, cypher, cypherNames } from '../../engine/store/cypher-files.js';
import { NEO4J_STATEMENTS } from '../../engine/store/neo4j-statements.js';

// The CommonJS build: the package's ESM build has extension-less imports Node cannot load, and
// Vite would spend half a minute transforming it.
const ls = createRequire(import.meta.url)('@neo4j-cypher/language-support') as typeof import('@neo4j-cypher/language-support');

const VERSION = 'CYPHER 5';
const LABELS = ['Actor', 'Dataset', 'Run', 'ScoreChunk'];
const RELATIONSHIP_TYPES = ['INTERACTED', 'SCORED', 'TIE_SCORE', 'HAS_CHUNK'];
const EXTERNAL_FUNCTIONS = ['gds.graph.project', 'gds.util.asNode'];
const PROCEDURES = [
  'db.awaitIndexes',
  'gds.betweenness.stream',
  'gds.closeness.stream',
  'gds.pageRank.stream',
  'gds.eigenvector.stream',
  'gds.louvain.stream',
  'gds.graph.drop',
];
/** `file: message` of warnings accepted on purpose, each with its reason. None today. */
const ALLOWED_WARNINGS: readonly string[] = [];

const recorded = ls.testData.mockSchema;
const recordedFunctions = recorded.functions?.[VERSION] ?? {};
const recordedProcedures = recorded.procedures?.[VERSION] ?? {};

function baseSchema(): DbSchema {
  const functions: Record<string, Neo4jFunction> = {};
  for (const [name, f] of Object.entries(recordedFunctions)) if (f.isBuiltIn) functions[name] = f;
  for (const name of EXTERNAL_FUNCTIONS) functions[name] = recordedFunctions[name]!;
  const procedures: Record<string, Neo4jProcedure> = {};
  for (const name of PROCEDURES) procedures[name] = recordedProcedures[name]!;
  return {
    labels: LABELS,
    relationshipTypes: RELATIONSHIP_TYPES,
    functions: { [VERSION]: functions },
    procedures: { [VERSION]: procedures },
  };
}

const PARAMETER = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Parameters named in the header comment (first line). */
function headerParameters(text: string): string[] {
  const header = text.split('\n')[0]!;
  return [...new Set([...header.matchAll(PARAMETER)].map((m) => m[1]!))].sort();
}

/** Parameters used in the statement (comment lines left out). */
function bodyParameters(text: string): string[] {
  const body = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return [...new Set([...body.matchAll(PARAMETER)].map((m) => m[1]!))].sort();
}

function lint(text: string, parameters: readonly string[]): SyntaxDiagnostic[] {
  const schema: DbSchema = { ...baseSchema(), parameters: Object.fromEntries(parameters.map((p) => [p, null])) };
  return ls.lintCypherQuery(text, schema);
}

function messageOf(d: SyntaxDiagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function describeDiagnostic(d: SyntaxDiagnostic): string {
  const severity = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : `severity ${d.severity}`;
  return `${severity} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${messageOf(d)}`;
}

const names = cypherNames();

describe('the lint schema', () => {
  it('has the signature of every GDS function and procedure socap calls', () => {
    for (const name of EXTERNAL_FUNCTIONS) expect(recordedFunctions[name]?.name, name).toBe(name);
    for (const name of PROCEDURES) expect(recordedProcedures[name]?.name, name).toBe(name);
    expect(recordedFunctions['gds.graph.project']?.aggregating).toBe(true);
  });
});

describe.each(names)('cypher/%s.cypher', (name) => {
  const text = cypher(name);

  it('opens with a one-line comment naming its parameters', () => {
    const header = text.split('\n')[0]!;
    expect(header).toMatch(/^\/\/ \S.*(Parameters: \$|No parameters\.)/);
    expect(headerParameters(text)).toEqual(bodyParameters(text));
  });

  it('lints with no error and no unlisted warning', () => {
    const found = lint(text, headerParameters(text))
      .map(describeDiagnostic)
      .filter((d) => !ALLOWED_WARNINGS.includes(`${name}: ${d}`));
    expect(found).toEqual([]);
  });

  it('holds no string interpolation marker', () => {
    expect(text.includes('${')).toBe(false);
  });
});

describe('the lint catches broken statements', () => {
  const errorsOf = (text: string, parameters: string[] = []): string[] =>
    lint(text, parameters)
      .filter((d) => d.severity === 1)
      .map(messageOf);

  it('reports a syntax error', () => {
    const errors = errorsOf('MATCH (a:Actor) RETRN a');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Invalid input 'RETRN': expected /);
  });

  it('reports a variable that is not defined', () => {
    expect(errorsOf('MATCH (a:Actor) RETURN b')).toEqual(['Variable `b` not defined']);
  });

  it('reports a misspelt GDS procedure and a YIELD column the signature lacks', () => {
    expect(errorsOf('CALL gds.betweeness.stream($g) YIELD nodeId RETURN nodeId', ['g'])[0]).toMatch(
      /^Procedure gds\.betweeness\.stream is not present in the database\./,
    );
    expect(errorsOf('CALL gds.pageRank.stream($g) YIELD nodeId, rank RETURN nodeId', ['g'])).toEqual([
      'Unknown procedure output: `rank`',
    ]);
  });

  it('reports a parameter the header does not declare', () => {
    expect(errorsOf('MATCH (a:Actor {dataset: $dataset}) RETURN a', [])).toEqual(['Parameter $dataset is not defined.']);
  });

  it('warns about a misspelt label', () => {
    const warnings = lint('MATCH (a:Actr) RETURN a', []).filter((d) => d.severity === 2);
    expect(warnings.map(messageOf)[0]).toMatch(/^Label Actr is not present in the database\./);
  });
});

describe('statements and code agree', () => {
  it('every statement the code names is a file, and every file is named by the code', () => {
    expect([...NEO4J_STATEMENTS].sort()).toEqual(names);
  });

  it('every statement name passed in engine/ and server/ code is a file', () => {
    const root = join(CYPHER_DIR, '..');
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) sources.push(join(dir, e.name));
      }
    };
    walk(join(root, 'engine'));
    walk(join(root, 'server'));
    // The call forms that take a statement name: cypher(), the store's runStatement/repeatUntilNone,
    // the transaction runner `q` of saveRun and the GDS `stream` helper.
    const call = /\b(?:cypher|runStatement|repeatUntilNone|q|stream)\(\s*'([^']+)'/g;
    const called = new Set<string>();
    for (const file of sources) for (const m of readFileSync(file, 'utf8').matchAll(call)) called.add(m[1]!);
    expect(called.size).toBeGreaterThan(20);
    for (const name of called) expect(names, name).toContain(name);
  });

  it('cypher() throws for unknown and malformed names', () => {
    expect(() => cypher('no-such-statement')).toThrow(
      'unknown Cypher statement "no-such-statement": no file cypher/no-such-statement.cypher',
    );
    expect(() => cypher('../package')).toThrow(
      `invalid Cypher statement name "../package": use lower-case words joined by '-', folders by '/'`,
    );
  });

  it('cypher() returns the file text, cached', () => {
    const text = readFileSync(join(CYPHER_DIR, 'gds', 'drop.cypher'), 'utf8');
    expect(cypher('gds/drop')).toBe(text);
    expect(cypher('gds/drop')).toBe(cypher('gds/drop'));
  });
});
