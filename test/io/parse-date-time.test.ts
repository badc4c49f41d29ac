import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../src/io/parse-date-time.ts';

describe('parseDateTime', () => {
  it.each([
    ['2021-05-03T14:30', '2021-05-03T14:30:00'],
    ['2021-05-03 14:30:15', '2021-05-03T14:30:15'],
    ['2021-05-03', '2021-05-03'],
    ['2021-05-03T14:30:15.25', '2021-05-03T14:30:15.250'],
    ['2021-05-03T14:30:00Z', '2021-05-03T14:30:00Z'],
    ['2021-05-03T14:30:00+0200', '2021-05-03T14:30:00+02:00'], // offset kept, not applied
    ['03/05/2021 14:30', '2021-05-03T14:30:00'], // day first: 3 May
    ['3/5/2021', '2021-05-03'],
    ['3-5-2021', '2021-05-03'],
    ['03.05.2021 9:05:07', '2021-05-03T09:05:07'],
    ['29/02/2024', '2024-02-29'],
    [' 31/12/2021 23:59 ', '2021-12-31T23:59:00'],
  ])('%j -> %j', (text, expected) => {
    expect(parseDateTime(text)).toBe(expected);
  });

  it.each(['', 'gisteren', '03/05/21', '31/04/2021', '29/02/2021', '2021-13-01', '03/05/2021 24:00', '03/05/2021 12:60', '3-5/2021', '44319.6', '2021-05-03Z'])(
    '%j -> null',
    (text) => {
      expect(parseDateTime(text)).toBeNull();
    },
  );

  it('does not depend on the process time zone', () => {
    // Pure string handling: no Date objects are involved, so TZ cannot shift the result.
    expect(parseDateTime('28/03/2021 02:30')).toBe('2021-03-28T02:30:00'); // a time that does not exist in Brussels (DST gap)
  });
});
