// Meta routes: health, the OpenAPI document and the docs page that renders it.
import { socapVersion } from '../engine/run/version.js';
import type { ApiContext } from './api-context.js';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './docs-page.js';
import { openApiDocument } from './openapi.js';
import { health } from './response-schemas.js';
import { defineRoute, type Route } from './route.js';

function asset(path: string, operationId: string, summary: string, type: string, text: string): Route {
  return defineRoute({
    method: 'get',
    path,
    operationId,
    summary,
    tag: 'meta',
    access: 'read',
    responses: { 200: { description: summary, contentTypes: [type] } },
    handler: async ({ res }) => {
      res.type(type).send(text);
    },
  });
}

/** `all` gives the whole route table (these routes included), for the OpenAPI document. */
export function metaRoutes(ctx: ApiContext, all: () => Route[]): Route[] {
  let document: Record<string, unknown> | undefined;
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      operationId: 'health',
      summary: 'Liveness: status, version, store',
      tag: 'meta',
      access: 'read',
      responses: { 200: { description: 'the server is up', schema: health } },
      handler: async () => ({ json: { status: 'ok', version: socapVersion(), store: ctx.store.kind } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openapi',
      summary: 'This API as an OpenAPI 3.1 document',
      tag: 'meta',
      access: 'read',
      responses: { 200: { description: 'the document', contentTypes: ['application/json'] } },
      handler: async () => ({ json: (document ??= openApiDocument(all(), { version: socapVersion() })) }),
    }),
    asset('/api/docs', 'docs', 'The API documentation page', 'text/html', DOCS_HTML),
    asset('/api/docs.js', 'docsScript', 'Script of the documentation page', 'text/javascript', DOCS_JS),
    asset('/api/docs.css', 'docsStyle', 'Style of the documentation page', 'text/css', DOCS_CSS),
  ];
}
