// Data set routes: list, show, load interactions or actors from a CSV upload, delete.
// Uploads go through the engine's ingest exactly like `socap load`, so the rules and row errors are
// the CLI's; the upload's name (interactions.csv / actors.csv) stands in for the temporary path.
import { writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { InputError, UsageError, type RowError } from '../engine/model/types.js';
import { loadInput, type LoadOutcome } from '../engine/run/load.js';
import type { ApiContext } from './api-context.js';
import { badRequest, conflict, notFound } from './http-error.js';
import { datasetParams, uploadQuery } from './request-schemas.js';
import { datasetDeleted, datasetInfo, datasetList, loadResponse } from './response-schemas.js';
import { defineRoute, type Route } from './route.js';
import { receiveFile, requireContentType } from './upload.js';
import type { Request } from 'express';

type LoadResponse = z.output<typeof loadResponse>;
type UploadKind = 'interactions' | 'actors';

const UPLOAD_FILE: Record<UploadKind, string> = { interactions: 'interactions.csv', actors: 'actors.csv' };

/** A row error with the temporary path replaced by the upload's name. */
function publicRowError(e: RowError, tmpPath: string, name: string): LoadResponse['errors'][number] {
  return { file: e.file === tmpPath ? name : basename(e.file), line: e.line, column: e.column ?? null, reason: e.reason, severity: e.severity };
}

/** An error message with every temporary path replaced by the upload's name. */
function publicMessage(message: string, tmpPath: string, name: string): string {
  return message.split(tmpPath).join(name).split(dirname(tmpPath)).join('upload');
}

function notWhileScoring(ctx: ApiContext, name: string, what: string): void {
  const running = ctx.runs.runningFor(name);
  if (running) throw conflict(`dataset "${name}" is being scored (run ${running.id}): ${what} when the run has finished`, [{ run: running.id }]);
}

async function upload(ctx: ApiContext, name: string, req: Request, strict: boolean, kind: UploadKind): Promise<LoadResponse> {
  requireContentType(req, 'text/csv');
  notWhileScoring(ctx, name, 'load again');
  if (ctx.loading.size > 0) throw conflict(`a load into dataset "${[...ctx.loading][0]}" is in progress: try again when it has finished`);
  ctx.loading.add(name);
  try {
    const file = UPLOAD_FILE[kind];
    const received = await receiveFile(req, file, ctx.bodyLimit);
    try {
      let input = received.path;
      if (kind === 'actors') {
        // A folder of the actors file and an interactions file holding only its header: the engine's
        // nodes-file rules, with no interaction to load.
        await writeFile(`${dirname(received.path)}/interactions.csv`, 'source,target\n');
        input = dirname(received.path);
      }
      const errors: RowError[] = [];
      let out: LoadOutcome;
      try {
        out = await loadInput(ctx.store, name, input, { strict, onRowError: (e) => errors.push(e) });
      } catch (err) {
        if (err instanceof InputError || err instanceof UsageError) {
          throw badRequest(
            publicMessage(err.message, received.path, file),
            errors.map((e) => publicRowError(e, received.path, file)),
          );
        }
        throw err;
      }
      return {
        loaded: out.result,
        summary: { ...out.summary, format: 'csv', files: [file] },
        errors: out.errors.map((e) => publicRowError(e, received.path, file)),
      };
    } finally {
      await received.cleanup();
    }
  } finally {
    ctx.loading.delete(name);
    ctx.views.forgetDataset(name);
  }
}

const csvUploadDescription = (kind: UploadKind): string =>
  kind === 'interactions'
    ? 'A CSV edge list: `source,target[,weight][,type][,timestamp][,id]` (`relation` is accepted for `type`), as `socap load` reads it. Bad rows are reported and skipped (or, with strict=true, fail the load).'
    : 'A CSV of actors: an `id` column, optional `label` and `kind`, and any attribute columns (department, title, ...). Actors are upserted by id; no interaction is loaded.';

function uploadRoute(ctx: ApiContext, kind: UploadKind): Route {
  return defineRoute({
    method: 'post',
    path: `/api/datasets/{name}/${kind}`,
    operationId: kind === 'interactions' ? 'loadInteractions' : 'loadActors',
    summary: kind === 'interactions' ? 'Load interactions from a CSV edge list into a data set (created when new)' : 'Load actors (id + attributes) from a CSV into a data set',
    tag: 'datasets',
    access: 'write',
    params: datasetParams,
    query: uploadQuery,
    body: { contentType: 'text/csv', description: csvUploadDescription(kind) },
    responses: {
      200: { description: 'loaded: the counts, the ingest summary and every row error or warning', schema: loadResponse },
    },
    handler: async ({ params, query, req }) => ({ json: await upload(ctx, params.name, req, query.strict ?? false, kind) }),
  });
}

export function datasetRoutes(ctx: ApiContext): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/datasets',
      operationId: 'listDatasets',
      summary: 'List the data sets in the store, by name',
      tag: 'datasets',
      access: 'read',
      responses: { 200: { description: 'every data set', schema: datasetList } },
      handler: async () => ({ json: { items: await ctx.store.listDatasets() } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/datasets/{name}',
      operationId: 'getDataset',
      summary: 'One data set: counts, time span, interaction types',
      tag: 'datasets',
      access: 'read',
      params: datasetParams,
      responses: { 200: { description: 'the data set', schema: datasetInfo } },
      handler: async ({ params }) => {
        const info = await ctx.store.getDataset(params.name);
        if (!info) throw notFound(`unknown dataset "${params.name}"`);
        return { json: info };
      },
    }),
    uploadRoute(ctx, 'interactions'),
    uploadRoute(ctx, 'actors'),
    defineRoute({
      method: 'delete',
      path: '/api/datasets/{name}',
      operationId: 'deleteDataset',
      summary: 'Delete a data set and every run of it',
      tag: 'datasets',
      access: 'write',
      params: datasetParams,
      responses: { 200: { description: 'deleted', schema: datasetDeleted } },
      handler: async ({ params }) => {
        const name = params.name;
        notWhileScoring(ctx, name, 'delete it');
        if (ctx.loading.has(name)) throw conflict(`dataset "${name}" is being loaded: delete it when the load has finished`);
        const runs = await ctx.store.listRuns(name);
        if (!(await ctx.store.deleteDataset(name))) throw notFound(`unknown dataset "${name}"`);
        ctx.views.forgetDataset(name);
        return { json: { deleted: name, runsRemoved: runs.length } };
      },
    }),
  ];
}
