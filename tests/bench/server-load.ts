// Load test of the REST API (`npm run bench:server`, i.e. `node --import tsx tests/bench/server-load.ts`).
// Measures, with autocannon at 50 connections (the client in a worker thread of its own), in one
// process and one run:
//   1. the floor: a bare node:http server answering a fixed JSON body, and the app's cheapest route
//      (GET /api/health: what express, helmet and validation cost by themselves); the bare server
//      also answers the node detail's and the node list's exact bytes as fixed bodies (the floor for
//      answers of that size: writing 58 KB costs more than 60 bytes whatever serves it);
//   2. GET /api/runs/{id}/nodes/{actor} (node detail) and GET /api/runs/{id}/nodes (node list, 100
//      actors) of the bundled data set, scored once beforehand;
//   3. all of it again while scoring runs go on back to back in the background (the server's worker
//      thread): the bare server lives in the same process, so its figures there are the floor under
//      the same load (on a 2-core machine any busy core slows every server, whatever its priority).
// Prints requests/s, p50 and p99 latency, and the p99 ratios to the floor measured under the same
// conditions: the 50-byte body, and the same bytes. Options:
//   --duration <s> (default 10), --connections <n> (default 50).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../engine/run/load.js';
import { scoreDataset } from '../../engine/run/score.js';
import { packageRoot, socapVersion } from '../../engine/run/version.js';
import { openSqliteStore } from '../../engine/store/sqlite.js';
import { BUNDLED_DATASET } from '../../engine/cli/start.js';
import { createApp } from '../../server/app.js';

/** The part of autocannon's result this script reads (autocannon ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; workers?: number }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 50);

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type Kind = 'bare' | 'bare-detail' | 'bare-list' | 'health' | 'detail' | 'list';
type Condition = 'idle' | 'scoring';

interface Row {
  name: string;
  kind: Kind;
  condition: Condition;
  r: AutocannonResult;
}

async function measure(name: string, kind: Kind, condition: Condition, url: string): Promise<Row> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, workers: 1 });
  const label = condition === 'scoring' ? `${name}, scoring in background` : name;
  if (r.errors || r.non2xx || r.timeouts) throw new Error(`${label}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx responses`);
  process.stderr.write(`measured ${label}\n`);
  return { name: label, kind, condition, r };
}

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'socap-bench-server-'));
  const store = openSqliteStore({ workspace });
  const folder = join(packageRoot(), 'datasets', BUNDLED_DATASET.folder);
  await loadInput(store, 'w', folder);
  await loadInput(store, 'bg', folder);
  const { run, nodes } = await scoreDataset({ store, dataset: 'w' });
  const top = [...nodes].sort((a, b) => (b.values.betweenness as number) - (a.values.betweenness as number))[0]!;

  const api = createApp({ store, workspace, log: { info: () => undefined, error: (m) => process.stderr.write(m + '\n') } });
  const apiServer = createServer(api.handler);
  const apiUrl = await listen(apiServer);
  const detailUrl = `${apiUrl}/api/runs/${run.id}/nodes/${encodeURIComponent(top.id)}`;
  const listUrl = `${apiUrl}/api/runs/${run.id}/nodes`;

  // The bare server: a small fixed body, and the two API answers' bytes as fixed bodies.
  const bodies = new Map<string, Buffer>([
    ['/', Buffer.from(JSON.stringify({ status: 'ok', version: socapVersion(), store: 'sqlite' }))],
    ['/detail', Buffer.from(await (await fetch(detailUrl)).arrayBuffer())],
    ['/list', Buffer.from(await (await fetch(listUrl)).arrayBuffer())],
  ]);
  const bare = createServer((req, res) => {
    const body = bodies.get(req.url ?? '/') ?? bodies.get('/')!;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  const bareUrl = await listen(bare);
  const kb = (path: string): string => `${(bodies.get(path)!.length / 1024).toFixed(1)} KB`;

  const scenarios: Array<[string, Kind, string]> = [
    [`bare node:http, fixed JSON (${bodies.get('/')!.length} B)`, 'bare', bareUrl],
    [`bare node:http, the node detail's bytes (${kb('/detail')})`, 'bare-detail', `${bareUrl}/detail`],
    [`bare node:http, the node list's bytes (${kb('/list')})`, 'bare-list', `${bareUrl}/list`],
    ["GET /api/health (the app's cheapest route: express + helmet + zod)", 'health', `${apiUrl}/api/health`],
    ['node detail', 'detail', detailUrl],
    ['node list (100)', 'list', listUrl],
  ];
  const rows: Row[] = [];
  for (const [name, kind, url] of scenarios) rows.push(await measure(name, kind, 'idle', url));

  // Background scoring: start a run of `bg`, and another as soon as one ends, until told to stop.
  let scoring = true;
  let runsFinished = 0;
  const background = (async () => {
    while (scoring) {
      const r = await fetch(`${apiUrl}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset: 'bg' }) });
      const { id } = (await r.json()) as { id: string };
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const s = (await (await fetch(`${apiUrl}/api/runs/${id}`)).json()) as { status: string; error?: string };
        if (s.status === 'failed') throw new Error(`background run failed: ${s.error}`);
        if (s.status === 'done') break;
      }
      runsFinished++;
    }
  })();
  for (const [name, kind, url] of scenarios) if (kind !== 'health') rows.push(await measure(name, kind, 'scoring', url));
  scoring = false;
  await background;

  const p99 = (kind: Kind, condition: Condition): number => rows.find((x) => x.kind === kind && x.condition === condition)!.r.latency.p99;
  // The floor of each API row under its own conditions: the bare server's 50 bytes, and its same bytes.
  const sameBytes: Partial<Record<Kind, Kind>> = { detail: 'bare-detail', list: 'bare-list' };
  const lines = [
    `socap ${socapVersion()} server load, ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    `autocannon, ${CONNECTIONS} connections, ${DURATION} s each, client in its own worker thread; data set ${BUNDLED_DATASET.folder} (${nodes.length} actors); ${runsFinished} background runs finished`,
    '',
    '| scenario | requests/s | p50 ms | p99 ms | p99 / bare p99 | p99 / bare p99, same bytes |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(({ name, kind, condition, r }) => {
      const same = sameBytes[kind];
      const ratio = (floor: number): string => (r.latency.p99 / floor).toFixed(2);
      return `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${ratio(p99('bare', condition))} | ${same === undefined ? '–' : ratio(p99(same, condition))} |`;
    }),
    '',
    'Ratios compare each row with the bare server measured under the same conditions (idle, or scoring in the background).',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  apiServer.close();
  bare.close();
  await api.close();
  await store.close();
  rmSync(workspace, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
