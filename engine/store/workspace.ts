// Where socap keeps its embedded database and run outputs: the workspace folder.
// Rule: the --workspace flag when given, else the SOCAP_HOME environment variable, else ./.socap;
// always returned as an absolute path (relative values resolve against the current directory).
import { resolve } from 'node:path';

export const WORKSPACE_ENV = 'SOCAP_HOME';
export const DEFAULT_WORKSPACE = '.socap';

/** The absolute workspace folder. Empty strings count as not given. */
export function resolveWorkspace(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return resolve(flag);
  const fromEnv = env[WORKSPACE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return resolve(DEFAULT_WORKSPACE);
}
