#!/usr/bin/env node
// Entry point of the `socap` command: runs the compiled CLI from dist/ (built by `npm ci` via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist', 'engine', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('socap: not built yet; run `npm run build` in ' + root + '\n');
  process.exit(1);
}
// Output piped into a reader that has gone (`socap runs | head -1`): stop quietly, as other
// command-line tools do, instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}
const { run } = await import(pathToFileURL(main).href);
process.exitCode = await run(process.argv.slice(2));
