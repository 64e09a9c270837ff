// The express app: security headers, optional CORS, the API routes (each validated with zod from
// the one route table that also generates the OpenAPI document), the built viewer, and JSON errors.
// A factory, so tests start it on port 0 with a real store in a temporary workspace.
import { join } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { fastReads, type RequestHandler as HttpHandler } from './fast-reads.js';
import helmet from 'helmet';
import { z } from 'zod';
import type { GraphStore } from '../engine/store/graph-store.js';
import { packageRoot } from '../engine/run/version.js';
import type { ApiContext } from './api-context.js';
import { authorize, describePolicy, type AuthPolicy } from './auth.js';
import { HttpError, type ValidationDetail } from './http-error.js';
import { RunManager, type Logger } from './run-manager.js';
import { RunViewCache } from './run-view.js';
import { SerializedJson } from './response-cache.js';
import { expressPath, type Route } from './route.js';
import { datasetRoutes } from './routes-datasets.js';
import { metaRoutes } from './routes-meta.js';
import { runReadRoutes } from './routes-run-reads.js';
import { runRoutes } from './routes-runs.js';
import { parseByteSize, requireContentType, tooLarge } from './upload.js';
import { mountViewer } from './viewer-static.js';

export interface AppOptions {
  store: GraphStore;
  /** SOCAP_TOKEN: writes need `Authorization: Bearer <token>`; unset = writes from loopback only. */
  token?: string;
  /** SOCAP_REQUIRE_TOKEN_FOR_READS=1: reads need the token too (loopback only without a token). */
  requireTokenForReads?: boolean;
  /** Largest request body (default '16mb'). */
  bodyLimit?: string;
  /** Origins allowed to call the API from a browser; none = no CORS headers at all. */
  corsOrigins?: string[];
  /** The built viewer (default viewer/dist under the package root). */
  viewerDir?: string;
  /** Workspace folder of the store: background runs open their own connection to it. */
  workspace?: string;
  /** Score in a worker thread (default true; needs `workspace`). */
  runInWorker?: boolean;
  /**
   * Nice value (0–19) the scoring threads of background runs take (default
   * DEFAULT_RUN_NICENESS), so reads keep the CPU while a run goes on; 0 = the server's own priority.
   */
  runNiceness?: number;
  /** Where the server logs (default: stderr). */
  log?: Logger;
}

export interface SocapApp {
  app: express.Express;
  /** The request handler to serve: `app` behind the cache of finished-run reads (server/fast-reads.ts). */
  handler: HttpHandler;
  /** Responses held by the fast read cache (for tests and diagnostics). */
  cachedResponses(): number;
  /** The route table the app serves and documents. */
  routes: readonly Route[];
  /** Cancels running runs and waits for them; leaves the store open (it belongs to the caller). */
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = '16mb';

export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`socap serve: ${m}\n`),
  error: (m) => process.stderr.write(`socap serve: ${m}\n`),
};

/** The CSP: same-origin everything; blob: workers (layout) and data:/blob: images (exports). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

function issuesToDetails(where: ValidationDetail['in'], error: z.ZodError): ValidationDetail[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys') {
      const what = where === 'body' ? 'field' : where === 'path' ? 'path parameter' : 'query parameter';
      return { in: where, path, message: `unknown ${what}${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` };
    }
    return { in: where, path, message: i.message };
  });
}

const EMPTY = z.strictObject({});
const WHERE_TEXT: Record<ValidationDetail['in'], string> = { path: 'invalid path parameter', query: 'invalid query', body: 'invalid body' };

function validate<T>(schema: z.ZodType<T> | undefined, value: unknown, where: ValidationDetail['in']): T {
  const r = (schema ?? EMPTY).safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!r.success) {
    const details = issuesToDetails(where, r.error);
    throw new HttpError(400, `${WHERE_TEXT[where]}: ${details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')}`, details);
  }
  return r.data as T;
}

function corsMiddleware(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

function mountRoute(app: express.Express, route: Route, policy: AuthPolicy, jsonParser: RequestHandler): void {
  const chain: RequestHandler[] = [
    (req, _res, next) => {
      authorize(policy, route.access, req);
      if (route.body) requireContentType(req, route.body.contentType);
      next();
    },
  ];
  if (route.body?.contentType === 'application/json') chain.push(jsonParser);
  chain.push(async (req: Request, res: Response) => {
    const params = validate(route.params, req.params, 'path');
    const query = validate(route.query, req.query, 'query');
    const body = route.body?.contentType === 'application/json' ? validate(route.body.schema, req.body, 'body') : undefined;
    const reply = await route.handler({ params, query, body, req, res });
    if (reply === undefined) return;
    res.status(reply.status ?? 200);
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    if (reply.json instanceof SerializedJson) res.type('application/json').send(reply.json.text);
    else res.json(reply.json);
  });
  app[route.method](expressPath(route.path), ...chain);
}

/** The error middleware: HttpError as is, body-parser errors mapped, anything else a bare 500. */
function errorHandler(log: Logger, limit: number) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    let status = 500;
    let body: { error: string; details: unknown[] } = { error: 'internal error', details: [] };
    const e = err as { type?: string; status?: number; expose?: boolean; message?: string };
    if (err instanceof HttpError) {
      status = err.status;
      body = err.body();
    } else if (e?.type === 'entity.too.large') {
      const t = tooLarge(limit);
      status = t.status;
      body = t.body();
    } else if (e?.type === 'entity.parse.failed') {
      status = 400;
      body = { error: 'invalid body: not valid JSON', details: [{ in: 'body', path: '', message: String(e.message ?? 'invalid JSON') }] };
    } else if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
      status = 415;
      body = { error: String(e.message), details: [] };
    } else if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
      status = e.status;
      body = { error: String(e.message), details: [] };
    }
    if (status >= 500) log.error(`${req.method} ${req.originalUrl}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).json(body);
  };
}

export function createApp(opts: AppOptions): SocapApp {
  const log = opts.log ?? stderrLogger;
  const limit = parseByteSize(opts.bodyLimit ?? DEFAULT_BODY_LIMIT);
  const policy: AuthPolicy = { token: opts.token === '' ? undefined : opts.token, requireTokenForReads: opts.requireTokenForReads ?? false };
  const views = new RunViewCache();
  const ctx: ApiContext = {
    store: opts.store,
    runs: new RunManager({
      store: opts.store,
      workspace: opts.workspace,
      runInWorker: opts.runInWorker ?? true,
      runNiceness: opts.runNiceness,
      log,
    }),
    views,
    bodyLimit: limit,
    loading: new Set(),
    log,
  };
  const routes: Route[] = [];
  routes.push(...metaRoutes(ctx, () => routes), ...datasetRoutes(ctx), ...runRoutes(ctx), ...runReadRoutes(ctx));

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } }));
  if (opts.corsOrigins && opts.corsOrigins.length > 0) app.use(corsMiddleware(opts.corsOrigins));
  const jsonParser = express.json({ limit, type: 'application/json', strict: true });
  for (const r of routes) mountRoute(app, r, policy, jsonParser);
  app.use('/api', (req, _res, next) => next(new HttpError(404, `no such route: ${req.method} ${req.originalUrl.split('?')[0]}`)));
  mountViewer(app, opts.viewerDir ?? join(packageRoot(), 'viewer', 'dist'));
  app.use((req, _res, next) => next(new HttpError(404, `no such route: ${req.method} ${req.originalUrl.split('?')[0]}`)));
  app.use(errorHandler(log, limit));
  log.info(describePolicy(policy));

  const fast = fastReads(app as unknown as HttpHandler, { enabled: !policy.requireTokenForReads && !(opts.corsOrigins && opts.corsOrigins.length > 0) });
  // Cached answers of finished runs stay valid until a data set's actors or runs change.
  views.onForget(() => fast.clear());
  return {
    app,
    handler: fast.handler,
    cachedResponses: fast.size,
    routes,
    async close() {
      await ctx.runs.close();
      views.clear();
      fast.clear();
    },
  };
}
