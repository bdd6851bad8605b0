/** Where a JSON text first breaks the grammar. */
export interface JsonErrorPosition {
  /** UTF-16 offset of the first offending character (text length when the text ends too early). */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrtu';

/**
 * Finds the first syntax error of a JSON text with a small iterative scanner, because
 * `JSON.parse` messages differ between engines and often carry no position
 * (V8: `Unexpected token 'a', "abc" is not valid JSON`).
 *
 * @param text - the JSON text (without BOM)
 * @returns the error position, or null when the text is valid JSON
 * @example
 * jsonErrorPosition('{\n  "a": tru\n}') // { offset: 9, line: 2, column: 8 }
 * jsonErrorPosition('[1, 2]') // null
 */
export function jsonErrorPosition(text: string): JsonErrorPosition | null {
  const at = (offset: number): JsonErrorPosition => {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { offset, line, column: offset - lineStart + 1 };
  };
  const n = text.length;
  const stack: string[] = [];
  type State = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'after';
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) return state === 'after' && stack.length === 0 ? null : at(n);
    const c = text[i];
    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return at(i);
      if (c === ',') state = top === '[' ? 'value' : 'key';
      else if ((c === ']' && top === '[') || (c === '}' && top === '{')) stack.pop();
      else return at(i);
      i++;
    } else if (state === 'colon') {
      if (c !== ':') return at(i);
      state = 'value';
      i++;
    } else if (state === 'key' || state === 'keyOrEnd') {
      if (state === 'keyOrEnd' && c === '}') {
        stack.pop();
        state = 'after';
        i++;
      } else if (c === '"') {
        const end = scanString(text, i);
        if (end < 0) return at(-end - 1);
        i = end;
        state = 'colon';
      } else return at(i);
    } else if (state === 'valueOrEnd' && c === ']') {
      stack.pop();
      state = 'after';
      i++;
    } else if (c === '{' || c === '[') {
      stack.push(c);
      state = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
      i++;
    } else if (c === '"') {
      const end = scanString(text, i);
      if (end < 0) return at(-end - 1);
      i = end;
      state = 'after';
    } else {
      const lit = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (lit) i += lit.length;
      else {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (!m || m[0] === '-') return at(i);
        i += m[0].length;
      }
      state = 'after';
    }
  }
}

/** Returns the offset after the closing quote, or -(errorOffset + 1). */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 1);
    if (code === 0x5c) {
      const e = text[i + 1];
      if (e === undefined || !ESCAPES.includes(e)) return -(i + 2);
      if (e === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 3);
      i += e === 'u' ? 5 : 1;
    }
  }
  return -(text.length + 1);
}
