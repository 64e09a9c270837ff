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

const ERROR_STATUSES: Record<number, string> = {
  400: 'invalid input (path, query or body): `details` lists each problem',
  401: 'missing or wrong bearer token',
  403: 'writes without a configured token come only from loopback clients',
  404: 'unknown data set, run, actor or route',
  409: 'conflict with work in progress (a run or a load of the same data set)',
  413: 'request body larger than the limit',
  415: 'wrong Content-Type',
  500: 'internal error (details are logged by the server, never returned)',
};

function errorsFor(r: Route): number[] {
  const codes = [400, 404, 500];
  if (r.access === 'write' || r.method !== 'get') codes.push(401, 403);
  if (r.body) codes.push(413, 415);
  if (r.method !== 'get' && r.tag !== 'analysis') codes.push(409);
  return codes.sort((a, b) => a - b);
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
    if (r.access === 'write') op.security = [{ bearer: [] }];
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
    for (const code of errorsFor(r)) {
      if (!responses[code]) responses[code] = { description: ERROR_STATUSES[code]!, content: { 'application/json': { schema: errorSchema } } };
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
        'Errors are JSON {"error", "details"}. Writes need `Authorization: Bearer <SOCAP_TOKEN>` (or, with no token configured, a loopback client). ' +
        'Wherever a run id is expected, `latest` names the newest finished run (`?dataset=` narrows it to one data set).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the value of SOCAP_TOKEN' } } },
    paths,
  };
}
