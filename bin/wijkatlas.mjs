#!/usr/bin/env node
// Entry point of the `wijkatlas` command. The CLIs are TypeScript (scripts/*.ts); tsx compiles them on the fly,
// so a fresh clone works after `npm ci` without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../scripts/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
