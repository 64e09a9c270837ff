// Serves the built viewer (a Vite single-page app) at `/`, with the SPA fallback: a GET for any
// other non-API page path (no file extension) that accepts HTML gets index.html. When the viewer is not built, `/` says how
// to build it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

export const VIEWER_NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>socap</title></head>
<body><h1>socap</h1>
<p>The network map is not built yet. Build it with <code>npx vite build</code> (the viewer's build, into <code>viewer/dist</code>) and reload.</p>
<p>The REST API is up: see <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

export function mountViewer(app: Express, viewerDir: string): { built: boolean } {
  const index = join(viewerDir, 'index.html');
  const built = existsSync(index);
  // A page route: GET of a non-API path whose last segment has no file extension, from a client
  // that takes HTML. A missing asset (`/assets/x.js`) stays a 404.
  const isPage = (req: Request): boolean =>
    (req.method === 'GET' || req.method === 'HEAD') &&
    !req.path.startsWith('/api/') &&
    req.path !== '/api' &&
    !/\.[^/]*$/.test(req.path) &&
    req.accepts('html') === 'html';
  if (built) {
    app.use(express.static(viewerDir, { index: 'index.html', fallthrough: true, maxAge: '1h', setHeaders: (res, path) => {
      if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
    } }));
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (!isPage(req)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (!isPage(req)) return next();
      res.status(req.path === '/' ? 200 : 404).type('html').send(VIEWER_NOT_BUILT_HTML);
    });
  }
  return { built };
}
