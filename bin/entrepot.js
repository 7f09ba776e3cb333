#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx so that a clone works after `npm install` with no build step.
import { register } from 'tsx/esm/api';

// `entrepot kpi … | head` closes the pipe early: that is the reader being done, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
