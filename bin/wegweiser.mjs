#!/usr/bin/env node
// The `wegweiser` command: runs src/cli.ts through tsx (no build step), e.g. `npx wegweiser migrate`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exit(await runCli(process.argv.slice(2)));
