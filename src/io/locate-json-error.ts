/**
 * Where a JSON text is broken, as line and column, independent of the JavaScript engine's
 * message format (V8's wording and "position N" suffix differ between Node versions).
 */

/** Location of the first syntax error in a JSON text. */
export interface JsonErrorLocation {
  /** 0-based character offset. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors mostly count). */
  column: number;
  /** What the grammar expected there, e.g. '"," or "}"'. */
  expected: string;
  /** What was found there, e.g. 'NaN', '"}"', 'end of file'. */
  found: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

/**
 * Find the first syntax error of a JSON text with a small recursive-descent scanner (RFC 8259).
 * Call it only after JSON.parse failed: it is slower than the engine and builds no values.
 *
 * @param text - the JSON text
 * @returns the location, or null when the text is valid JSON
 * @example
 * locateJsonError('{"a": 1,\n}') // { line: 2, column: 1, expected: 'a property name in double quotes', found: '"}"', ... }
 */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else throw new Stop(i, 'a value');
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) throw new Stop(i, 'a closing double quote (strings cannot span lines)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, 'a \\u escape with 4 hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Stop(i, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      } else i++;
    }
    throw new Stop(i, 'a closing double quote');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') throw new Stop(i, 'a value');
    i += match[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') throw new Stop(i, 'a property name in double quotes');
      string();
      ws();
      if (text[i] !== ':') throw new Stop(i, '":"');
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      throw new Stop(i, '"," or "}"');
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      throw new Stop(i, '"," or "]"');
    }
  };

  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, 'end of file (one JSON value per file; is this newline-delimited GeoJSON?)');
    return null;
  } catch (err) {
    if (err instanceof RangeError) return null; // absurd nesting: let the caller use the engine's message
    if (!(err instanceof Stop)) throw err;
    return { offset: err.offset, ...lineColumn(text, err.offset), expected: err.expected, found: tokenAt(text, err.offset) };
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function tokenAt(text: string, offset: number): string {
  if (offset >= text.length) return 'end of file';
  const word = /^-?[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(offset, offset + 30));
  if (word) return word[0];
  const c = text[offset];
  if (c === '\n' || c === '\r') return 'end of line';
  return JSON.stringify(c);
}
