#!/usr/bin/env node
// Entry point of the `wijkatlas` command. The CLIs are TypeScript (scripts/*.ts); tsx compiles them on the fly,
// so a fresh clone works after `npm ci` without a separate build step.
// `npx wijkatlas` runs it through packages/wijkatlas-cli (an npm workspace, linked into node_modules/.bin).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../scripts/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
