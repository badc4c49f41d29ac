import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIncidentDensity } from './make-fixture-density.ts';

describe('test/fixtures/app-layers/incident-density.json', () => {
  it('is what test/app/make-fixture-density.ts computes (not edited by hand)', () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../fixtures/app-layers/incident-density.json'), 'utf8');
    expect(committed).toBe(JSON.stringify(makeIncidentDensity()) + '\n');
  });
});
