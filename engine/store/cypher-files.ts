// The Cypher statements socap sends to Neo4j, loaded by name from `cypher/<name>.cypher` (one purpose
// a file, parameters only, never built from input). Each file is read once and cached. The folder is
// found by walking up from this module, so the same code works from the sources and from `dist/`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Statement names: lower-case words joined by '-', sub-folders by '/' (e.g. `gds/project`). */
export const CYPHER_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

function findCypherDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'cypher');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate) && statSync(candidate).isDirectory()) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the cypher/ folder of socap above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Absolute path of the `cypher/` folder. */
export const CYPHER_DIR = findCypherDir();

const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`. Throws for a malformed or unknown name. */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (!CYPHER_NAME_PATTERN.test(name)) {
    throw new Error(`invalid Cypher statement name ${JSON.stringify(name)}: use lower-case words joined by '-', folders by '/'`);
  }
  const file = join(CYPHER_DIR, ...name.split('/')) + '.cypher';
  if (!existsSync(file)) throw new Error(`unknown Cypher statement ${JSON.stringify(name)}: no file cypher/${name}.cypher`);
  const text = readFileSync(file, 'utf8');
  cache.set(name, text);
  return text;
}

/** Every statement name under `cypher/`, sorted. */
export function cypherNames(): string[] {
  const names: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.cypher')) names.push(prefix + entry.name.slice(0, -'.cypher'.length));
    }
  };
  walk(CYPHER_DIR, '');
  return names.sort();
}
