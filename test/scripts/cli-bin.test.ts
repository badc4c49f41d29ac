import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const linked = path.join(root, 'node_modules/.bin/wijkatlas');

// `npx wijkatlas` must find the command in node_modules/.bin. When the root package.json itself
// declares the bin, npm exec instead installs the project into its npx cache on every call (two
// full dependency-tree reads, ≈ 0.8 s more per command); the workspace packages/wijkatlas-cli
// provides the bin, and `npm ci` links it.
describe('the wijkatlas command as npx runs it', () => {
  it('is linked into node_modules/.bin from the workspace, not declared by the root package', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.bin).toBeUndefined();
    expect(pkg.workspaces).toContain('packages/wijkatlas-cli');
    expect(existsSync(linked), 'run npm ci: it links the workspace bin').toBe(true);
    expect(realpathSync(linked)).toBe(path.join(root, 'packages/wijkatlas-cli/wijkatlas.mjs'));
  });

  it('runs the CLI through the link, with its arguments and exit codes', () => {
    const help = spawnSync(process.execPath, [linked, '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: wijkatlas <command>/);
    expect(help.stdout).toMatch(/orienteering/);
    const bad = spawnSync(process.execPath, [linked, 'no-such-command'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is what `npx wijkatlas` runs, without installing anything', () => {
    const r = spawnSync('npx', ['--no-install', 'wijkatlas', 'orienteering', '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/--instance/);
  });
});
