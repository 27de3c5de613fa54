// `npm run bench -- <name>`: runs bench/<name>.ts, which prints a table and ends with exactly one
// JSON line `{"bench": "<name>", ...figures, "ratio": ours/baseline}`.
import { readdirSync } from 'node:fs';

const name = process.argv[2];
const available = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as { run: (args: string[]) => Promise<void> };
await bench.run(process.argv.slice(3));
process.exit(0);
