// `socap serve`: the REST API (and the built viewer) over the workspace's embedded store.
// Prints the URL; stops cleanly on SIGINT/SIGTERM (running scores are cancelled, nothing half-saved).
// Environment: SOCAP_TOKEN (bearer token for writes), SOCAP_REQUIRE_TOKEN_FOR_READS=1,
// SOCAP_CORS_ORIGINS (comma-separated origins), SOCAP_BODY_LIMIT (e.g. 16mb); read by serveEnv.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Command } from 'commander';
import { UsageError } from '../model/types.js';
import { openSqliteStore } from '../store/sqlite.js';
import { resolveWorkspace } from '../store/workspace.js';
import { createApp, stderrLogger } from '../../server/app.js';
import { parseByteSize } from '../../server/upload.js';
import { openStore, storeOptions, type CliIO } from './main.js';

export interface ServeFlags {
  port?: number;
  host?: string;
  workspace?: string;
  viewer?: string;
  store?: 'sqlite' | 'neo4j';
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Stops accepting, cancels running scores, closes the store. */
  close(): Promise<void>;
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${v}"`);
  return n;
}

export function urlOf(host: string, p: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${p}`;
}

/** The server's options from the environment; a value it cannot read is a usage error (never a silent default). */
export function serveEnv(env: NodeJS.ProcessEnv): { token?: string; requireTokenForReads: boolean; corsOrigins?: string[]; bodyLimit?: string } {
  const reads = (env.SOCAP_REQUIRE_TOKEN_FOR_READS ?? '').trim().toLowerCase();
  if (!['', '0', 'false', '1', 'true'].includes(reads)) {
    throw new UsageError(`SOCAP_REQUIRE_TOKEN_FOR_READS must be 1 or true (or 0, false, empty), got "${env.SOCAP_REQUIRE_TOKEN_FOR_READS}"`);
  }
  const bodyLimit = env.SOCAP_BODY_LIMIT || undefined;
  if (bodyLimit !== undefined) {
    try {
      parseByteSize(bodyLimit);
    } catch {
      throw new UsageError(`SOCAP_BODY_LIMIT must be a size such as 512kb or 16mb (b, kb, mb, gb; plain numbers are bytes), got "${bodyLimit}"`);
    }
  }
  return {
    token: env.SOCAP_TOKEN || undefined,
    requireTokenForReads: reads === '1' || reads === 'true',
    corsOrigins: env.SOCAP_CORS_ORIGINS?.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
    bodyLimit,
  };
}

/** Starts the server; resolves once it listens. */
export async function startServer(flags: ServeFlags, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const options = serveEnv(env);
  const workspace = resolveWorkspace(flags.workspace, env);
  const store = flags.store === 'neo4j' ? await openStore(flags) : openSqliteStore({ workspace });
  const { handler, close } = createApp({
    store,
    workspace,
    ...options,
    viewerDir: flags.viewer,
    // Worker runs open their own SQLite connection; a Neo4j store scores in process.
    runInWorker: flags.store !== 'neo4j',
    log: stderrLogger,
  });
  const server = createServer(handler);
  const host = flags.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(flags.port ?? 8080, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await close();
    await store.close();
    throw err;
  }
  const url = urlOf(host, (server.address() as AddressInfo).port);
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        await close();
        await stopped;
        clearTimeout(force);
        await store.close();
      })()),
  };
}

export async function runServe(flags: ServeFlags, io: CliIO): Promise<number> {
  const running = await startServer(flags);
  io.stdout.write(`socap serving on ${running.url} (API docs: ${running.url}/api/docs)\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stderr.write(`socap serve: ${signal}: shutting down\n`);
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** Adds `socap serve [--port 8080] [--host 127.0.0.1] [--workspace DIR] [--viewer DIR]`. */
export function registerServeCommand(program: Command, io: CliIO): void {
  storeOptions(program.command('serve'))
    .description('Serve the REST API and the network map over the workspace store.')
    .option('--port <n>', 'port to listen on (0 = any free port)', port, 8080)
    .option('--host <addr>', 'address to bind (127.0.0.1 = this machine only)', '127.0.0.1')
    .option('--workspace <dir>', 'workspace folder of the embedded store (default: $SOCAP_HOME or ./.socap)')
    .option('--viewer <dir>', 'folder of the built viewer (default: viewer/dist)')
    .addHelpText(
      'after',
      '\nEnvironment: SOCAP_TOKEN (bearer token for writes), SOCAP_REQUIRE_TOKEN_FOR_READS=1, SOCAP_CORS_ORIGINS, SOCAP_BODY_LIMIT.\n' +
        'Example:\n  SOCAP_TOKEN=secret socap serve --port 8080 --workspace ./.socap\n',
    )
    .action(async (flags: ServeFlags) => {
      process.exitCode = await runServe(flags, io);
    });
}
