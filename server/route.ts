// The shape of one API route. One table of these (server/routes.ts) drives both request validation
// (server/app.ts) and the OpenAPI document (server/openapi.ts), so the document cannot drift.
import type { Request, Response } from 'express';
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'delete';

/** `read` routes are open (unless reads need the token); `write` routes need the token or loopback. */
export type Access = 'read' | 'write';

export type RouteBody =
  | { contentType: 'application/json'; schema: z.ZodType }
  /** A CSV body, streamed by the handler itself (never parsed into memory by the framework). */
  | { contentType: 'text/csv'; description: string };

export interface ResponseSpec {
  description: string;
  /** JSON response schema; absent for non-JSON responses. */
  schema?: z.ZodType;
  /** Non-JSON content types the route may answer with (e.g. text/csv for exports). */
  contentTypes?: string[];
}

/** What a handler returns: a JSON reply, or nothing when it wrote the response itself. */
export interface JsonReply {
  status?: number;
  json: unknown;
  headers?: Record<string, string>;
}

export interface HandlerContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
}

/** What every route declares besides its schemas and handler. */
interface RouteBase {
  method: HttpMethod;
  /** OpenAPI form, e.g. `/api/runs/{id}/nodes`; the express form is derived from it. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  responses: Record<number, ResponseSpec>;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> extends RouteBase {
  params?: P;
  query?: Q;
  body?: { contentType: 'application/json'; schema: B } | { contentType: 'text/csv'; description: string };
  handler: (ctx: HandlerContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<JsonReply | void>;
}

/** A route with its types erased, as held in the table. */
export interface Route extends RouteBase {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: RouteBody;
  handler: (ctx: HandlerContext<unknown, unknown, unknown>) => Promise<JsonReply | void>;
}

/** Types a route's handler from its schemas, then erases the types for the table. */
export function defineRoute<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown>(
  spec: RouteSpec<P, Q, B>,
): Route {
  return spec as unknown as Route;
}

/** `/api/runs/{id}/nodes/{actor}` → `/api/runs/:id/nodes/:actor`. */
export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}
