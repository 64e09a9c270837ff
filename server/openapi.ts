// The OpenAPI 3.1 document, generated from the route table: parameters, query and request bodies
// from the zod schemas that validate them (input side), responses from the response schemas. One
// table feeds validation and documentation, so they cannot drift apart.
import { z } from 'zod';
import type { Route } from './route.js';
import { errorResponse } from './response-schemas.js';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const s = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
  delete s.$schema;
  return s;
}

/** The properties of an object schema as OpenAPI parameters. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => {
    const { description, ...rest } = p;
    const param: Json = { name, in: where, required: where === 'path' || required.has(name), schema: rest };
    if (typeof description === 'string') param.description = description;
    return param;
  });
}

/** What each error status means, by kind of route where that differs. */
const ERROR_STATUSES = {
  400: 'invalid input (path, query or body; unknown query parameters included): `details` lists each problem',
  401: {
    write: 'missing or wrong bearer token',
    read: 'wrong bearer token (a token that is sent must be right), or none while reads need it (SOCAP_REQUIRE_TOKEN_FOR_READS)',
  },
  403: {
    write: 'no SOCAP_TOKEN is configured and the client is not on this machine (loopback): writes are refused',
    read: 'reads need the token (SOCAP_REQUIRE_TOKEN_FOR_READS) but no SOCAP_TOKEN is configured, and the client is not on this machine (loopback)',
  },
  404: 'unknown data set, run or actor',
  409: {
    run: 'the run is still running: its scores are not there yet',
    dataset: 'conflict with work in progress (a run or a load of the same data set)',
  },
  413: 'request body larger than the limit',
  415: 'wrong Content-Type',
  500: 'internal error (details are logged by the server, never returned)',
} as const;

/** A path under one run (`/api/runs/{id}/...`): its handler needs the run's scores (409 while it runs). */
const RUN_SCOPED = /^\/api\/runs\/\{id\}\//;

/** True when the route's JSON body names a data set (`dataset`), which may be unknown (404). */
function bodyNamesDataset(r: Route): boolean {
  const schema = r.body?.contentType === 'application/json' ? r.body.schema : undefined;
  return schema instanceof z.ZodObject && 'dataset' in schema.shape;
}

/**
 * The error statuses a route can answer with, and what each means there. Every route: 400 (query
 * parameters are validated strictly, so even a route without any refuses unknown ones), 401 (a token
 * that is sent is checked on every route; writes, and reads when SOCAP_REQUIRE_TOKEN_FOR_READS is
 * set, need one), 403 (those same requests from another machine while no token is configured) and
 * 500. 404 where a path parameter or the body names a data set, run or actor that must exist (not
 * on CSV uploads, which create the data set); 409 on writes (work in progress on the data set) and
 * on every route under one run (the run is still running); 413 and 415 where there is a body.
 */
export function errorStatuses(r: Route): Map<number, string> {
  const out = new Map<number, string>([
    [400, ERROR_STATUSES[400]],
    [401, ERROR_STATUSES[401][r.access]],
    [403, ERROR_STATUSES[403][r.access]],
  ]);
  // A CSV upload creates the data set it names; every other path parameter must name a stored one.
  if ((r.params && r.body?.contentType !== 'text/csv') || bodyNamesDataset(r)) out.set(404, ERROR_STATUSES[404]);
  if (RUN_SCOPED.test(r.path)) out.set(409, ERROR_STATUSES[409].run);
  else if (r.access === 'write') out.set(409, ERROR_STATUSES[409].dataset);
  if (r.body) {
    out.set(413, ERROR_STATUSES[413]);
    out.set(415, ERROR_STATUSES[415]);
  }
  out.set(500, ERROR_STATUSES[500]);
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

export function openApiDocument(routes: Route[], info: { version: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const errorSchema = jsonSchema(errorResponse, 'output');
  for (const r of routes) {
    const op: Json = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
    };
    if (r.description) op.description = r.description;
    // Writes need the token; reads take it when sent (and need it when the server requires it for reads).
    op.security = r.access === 'write' ? [{ bearer: [] }] : [{}, { bearer: [] }];
    if (r.body) {
      op.requestBody =
        r.body.contentType === 'application/json'
          ? { required: true, content: { 'application/json': { schema: jsonSchema(r.body.schema, 'input') } } }
          : { required: true, description: r.body.description, content: { 'text/csv': { schema: { type: 'string' } } } };
    }
    const responses: Record<string, Json> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      const content: Json = {};
      if (spec.schema) content['application/json'] = { schema: jsonSchema(spec.schema, 'output') };
      for (const t of spec.contentTypes ?? []) content[t] = { schema: { type: 'string' } };
      responses[status] = Object.keys(content).length ? { description: spec.description, content } : { description: spec.description };
    }
    for (const [code, description] of errorStatuses(r)) {
      responses[code] ??= { description, content: { 'application/json': { schema: errorSchema } } };
    }
    op.responses = responses;
    (paths[r.path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'socap REST API',
      version: info.version,
      description:
        'Social capital analytics for organizational networks: data sets, scoring runs, actor and tie scores, brokers, communities, what-if analysis and exports. ' +
        'Errors are JSON {"error", "details"}. Writes need `Authorization: Bearer <SOCAP_TOKEN>` (or, with no token configured, a loopback client); ' +
        'reads are open unless the server sets SOCAP_REQUIRE_TOKEN_FOR_READS=1, and a token that is sent must be right on every route. ' +
        'Wherever a run id is expected, `latest` names the newest finished run (`?dataset=` narrows it to one data set).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the value of SOCAP_TOKEN' } } },
    paths,
  };
}
