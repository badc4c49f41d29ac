/** Shared helpers of the src/io tests (not a test file itself). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { isUserError } from '../../src/core/user-error.ts';

/** Absolute path of a fixture in test/fixtures/io. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/io/${name}`, import.meta.url));
}

/** Bytes of a fixture in test/fixtures/io. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(fixturePath(name));
}

/**
 * Run `fn`, expect a UserError whose message is one line and contains every `parts` string;
 * return the message.
 */
export async function expectUserError(fn: () => unknown, parts: string[]): Promise<string> {
  let caught: unknown;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected a UserError to be thrown').toBeDefined();
  expect(isUserError(caught), `expected a UserError, got ${String(caught)}`).toBe(true);
  const message = (caught as Error).message;
  expect(message).not.toMatch(/[\r\n]/);
  for (const part of parts) expect(message).toContain(part);
  return message;
}

/** Every problem detail is one line and names the file. */
export function expectOneLineDetails(problems: { detail: string }[], file: string): void {
  for (const p of problems) {
    expect(p.detail).not.toMatch(/[\r\n]/);
    expect(p.detail).toContain(file);
  }
}
