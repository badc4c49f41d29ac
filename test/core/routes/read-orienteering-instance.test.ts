import { describe, expect, it } from 'vitest';
import { readOrienteeringInstance } from '../../../src/core/routes/read-orienteering-instance.ts';
import { isUserError } from '../../../src/core/user-error.ts';

describe('readOrienteeringInstance', () => {
  it('reads Chao TOP: first row start, last row end', () => {
    const inst = readOrienteeringInstance('n 3\nm 2\ntmax 7.5\n0 0 0\n1.5 2 10\n3 0 0\n');
    expect(inst).toMatchObject({ format: 'chao-top', teams: 2, tmax: 7.5, start: 0, end: 2 });
    expect(inst.points[1]).toEqual({ x: 1.5, y: 2, score: 10 });
  });

  it('reads Tsiligirides: first two rows start and end', () => {
    const inst = readOrienteeringInstance('15\t1\n10.5\t14.4\t0\n11.2\t14.1\t0\n18\t15.9\t10\n');
    expect(inst).toMatchObject({ format: 'tsiligirides', teams: 1, tmax: 15, start: 0, end: 1 });
    expect(inst.points).toHaveLength(3);
  });

  it.each([
    ['', /empty file/],
    ['n 4\nm 1\ntmax 5\n0 0 0\n1 1 1\n', /header says n 4, found 2/],
    ['n 2\nm x\ntmax 5\n0 0 0\n1 1 1\n', /expected "m <number>"/],
    ['15 1\n0 0 0\n1 1\n', /line 3: expected "x y score"/],
    ['hello\n', /expected a Chao header/],
  ])('rejects %j with a one-line user error', (text, message) => {
    try {
      readOrienteeringInstance(text, 'bad.txt');
      expect.unreachable();
    } catch (err) {
      expect(isUserError(err)).toBe(true);
      expect((err as Error).message).toMatch(message);
    }
  });
});
