// `socap generate`: writes the seeded synthetic organization (datasets/generate-org.ts) as a folder
// that `socap load` reads (nodes.csv with departments, edges.csv with contact counts).
import type { Command } from 'commander';
import { UsageError } from '../model/types.js';
import { generateOrg } from '../../datasets/generate-org.js';
import type { CliIO } from './main.js';

export interface GenerateFlags {
  nodes: number;
  seed: number;
  out: string;
}

function integerAtLeast(name: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} must be an integer ≥ ${min}, got "${v}"`);
    return n;
  };
}

export async function runGenerate(flags: GenerateFlags, io: CliIO): Promise<number> {
  const r = await generateOrg({ nodes: flags.nodes, seed: flags.seed, out: flags.out });
  io.stdout.write(`wrote ${r.nodes} actors in ${r.departments} departments (${r.hubs} hubs) and ${r.ties} ties to ${flags.out}\n`);
  return 0;
}

export function registerGenerateCommand(program: Command, io: CliIO): void {
  program
    .command('generate')
    .description('Write a seeded synthetic organization (departments of 40-160, a few hubs, ~4.9 ties a person) as nodes.csv + edges.csv.')
    .requiredOption('--nodes <n>', 'number of people', integerAtLeast('--nodes', 1))
    .option('--seed <n>', 'seed of the generator', integerAtLeast('--seed', 0), 42)
    .requiredOption('--out <dir>', 'folder to write (created if missing)')
    .addHelpText('after', '\nExample:\n  socap generate --nodes 10000 --seed 42 --out data/org-10k && socap load data/org-10k\n')
    .action(async (flags: GenerateFlags) => {
      process.exitCode = await runGenerate(flags, io);
    });
}
