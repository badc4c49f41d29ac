import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/io/locate-json-error.ts';

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1,\n}', 2, 1, 'a property name in double quotes', '"}"'],
    ['{"a": 1 "b": 2}', 1, 9, '"," or "}"', '"\\""'],
    ['[1, 2', 1, 6, '"," or "]"', 'end of file'],
    ['{"a": NaN}', 1, 7, 'a value', 'NaN'],
    ['{"a": "x\ny"}', 1, 9, 'a closing double quote (strings cannot span lines)', 'end of line'],
    ['{"a": 1}\n{"b": 2}', 2, 1, 'end of file (one JSON value per file; is this newline-delimited GeoJSON?)', '"{"'],
    ['', 1, 1, 'a value', 'end of file'],
  ])('%j -> line %d column %d', (text, line, column, expected, found) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, expected, found });
  });

  it('returns null for valid JSON', () => {
    expect(locateJsonError('{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}')).toBeNull();
  });
});
