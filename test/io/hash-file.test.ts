import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashBytes, hashFile } from '../../src/io/hash-file.ts';
import { expectUserError, fixtureBytes, fixturePath } from './fixtures.ts';

describe('hashFile / hashBytes', () => {
  it('gives the SHA-256 of the empty input and of a fixture', async () => {
    expect(hashBytes('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const expected = createHash('sha256').update(fixtureBytes('csv-latin1.csv')).digest('hex');
    expect(await hashFile(fixturePath('csv-latin1.csv'))).toBe(expected);
    expect(hashBytes(fixtureBytes('csv-latin1.csv'))).toBe(expected);
  });

  it('says which file is missing', async () => {
    await expectUserError(() => hashFile('data/missing.csv'), ['file not found: data/missing.csv']);
  });
});
