// Source: a folder with a nodes file (`actors.csv`, else `nodes.csv`), an interactions file
// (`interactions.csv`, else `edges.csv`) and optionally `relations.csv`.
//
// - Nodes file: `id` plus any columns. `label` and `kind` (matched ignoring case) fill Actor.label and
//   Actor.kind; every other column becomes an attribute (text, named as in the header); empty cells
//   are left out. It is read completely first, so interactions can be checked against it.
// - relations.csv (`relation,directed,...`): interactions whose type is a relation with
//   `directed=false` get `undirected: true`.
// - Interactions file: the columns of a CSV edge list (./interactions-csv.ts). An interaction naming an
//   actor absent from the nodes file is rejected.
// Cost: one streaming pass over each file; memory O(actors).
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../model/types.js';
import { checkUniqueColumns, findColumn, readCsvTable } from './csv-table.js';
import { ActorRegistry } from './actor-registry.js';
import type { IngestContext } from './ingest-context.js';
import { readInteractionsCsv } from './interactions-csv.js';
import { quote } from './row-values.js';

export const NODES_FILES = ['actors.csv', 'nodes.csv'] as const;
export const INTERACTIONS_FILES = ['interactions.csv', 'edges.csv'] as const;
export const RELATIONS_FILE = 'relations.csv';

function firstFile(dir: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const p = join(dir, name);
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return undefined;
}

export async function ingestFolder(dir: string, ctx: IngestContext): Promise<void> {
  const nodesFile = firstFile(dir, NODES_FILES);
  if (nodesFile === undefined) throw new InputError(`${dir}: no nodes file (actors.csv or nodes.csv)`);
  const interactionsFile = firstFile(dir, INTERACTIONS_FILES);
  if (interactionsFile === undefined) throw new InputError(`${dir}: no interactions file (interactions.csv or edges.csv)`);
  const relationsFile = firstFile(dir, [RELATIONS_FILE]);

  const nodesName = basename(nodesFile);
  const actors = new ActorRegistry({
    notDeclared: `not in ${nodesName}`,
    rejected: `its row in ${nodesName} was rejected`,
    firstAt: (line) => `first on line ${line}`,
  });
  await readNodesFile(nodesFile, ctx, actors);
  const undirected = relationsFile === undefined ? new Set<string>() : await readRelations(relationsFile, ctx);

  await readInteractionsCsv(interactionsFile, ctx, (values, line) => {
    const isUndirected = values.type !== undefined && undirected.has(values.type);
    ctx.offerInteraction(interactionsFile, line, values, { undirected: isUndirected, known: actors.check });
  });
}

/** Reads the nodes file into the context and the registry. */
async function readNodesFile(path: string, ctx: IngestContext, actors: ActorRegistry): Promise<void> {
  let idCol = -1;
  let labelCol = -1;
  let kindCol = -1;
  let names: string[] = [];
  await readCsvTable(path, ctx, {
    header: (header) => {
      checkUniqueColumns(path, header);
      idCol = findColumn(header, 'id');
      if (idCol < 0) throw new InputError(`${path}: no "id" column in the header (found: ${header.join(', ')})`);
      const empty = header.indexOf('');
      if (empty >= 0) throw new InputError(`${path}: column ${empty + 1} of the header has no name`);
      labelCol = findColumn(header, 'label');
      kindCol = findColumn(header, 'kind');
      names = header;
    },
    row: (fields, line) => {
      const attributes: Record<string, string> = {};
      for (let c = 0; c < fields.length; c++) {
        if (c !== idCol && c !== labelCol && c !== kindCol && fields[c] !== '') attributes[names[c]!] = fields[c]!;
      }
      actors.offer(ctx, path, line, { id: fields[idCol], label: fields[labelCol], kind: fields[kindCol], attributes });
    },
  });
}

/** The relations declared undirected (`directed=false`) in relations.csv. */
async function readRelations(path: string, ctx: IngestContext): Promise<Set<string>> {
  const undirected = new Set<string>();
  let relationCol = -1;
  let directedCol = -1;
  await readCsvTable(path, ctx, {
    header: (header) => {
      relationCol = findColumn(header, 'relation');
      directedCol = findColumn(header, 'directed');
      if (relationCol < 0 || directedCol < 0) {
        throw new InputError(`${path}: no "relation" and "directed" columns in the header (found: ${header.join(', ')})`);
      }
    },
    row: (fields, line) => {
      const relation = fields[relationCol]!;
      const directed = fields[directedCol]!.toLowerCase();
      if (relation === '') {
        ctx.reject(path, line, 'missing relation', 'relation');
      } else if (directed === 'false') {
        undirected.add(relation);
      } else if (directed !== 'true') {
        ctx.warn(path, line, `directed must be "true" or "false", found ${quote(fields[directedCol]!)}; relation treated as directed`, false, 'directed');
      }
    },
  });
  return undirected;
}
