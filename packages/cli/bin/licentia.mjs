#!/usr/bin/env node
// The `licentia` executable: teaches Node TypeScript through tsx, then runs the CLI from its sources.
// Everything heavy (server, database) is imported lazily by the commands that need it.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main.ts');
const { exitCode, keepAlive } = await run(process.argv.slice(2));
process.exitCode = exitCode;
// A one-shot command is finished: exit even if a library left a handle open (a keep-alive socket, a
// database pool that was never started and so never ends), but only once stdout and stderr are flushed.
if (!keepAlive) process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));
