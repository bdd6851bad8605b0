import type { Random } from '../../../src/geo/synth/seeded_random';

/** The ways a file gets damaged on its way (a cut download, a bad disk, a hand edit). */
export type ByteOp = 'truncate' | 'flip' | 'insert' | 'delete' | 'duplicate';
export const ALL_BYTE_OPS: readonly ByteOp[] = ['truncate', 'flip', 'insert', 'delete', 'duplicate'];

/**
 * One seeded byte-level mutation of a file, for the importers' fuzz tests.
 *
 * @param rand - the seeded generator
 * @param b - the file's bytes (not changed)
 * @param ops - which mutations may be drawn (the draw is one `rand()` over this list)
 */
export function byteMutation(rand: Random, b: Uint8Array, ops: readonly ByteOp[] = ALL_BYTE_OPS): Uint8Array {
  const at = Math.floor(rand() * b.length);
  switch (ops[Math.floor(rand() * ops.length)]) {
    case 'truncate':
      return b.slice(0, at);
    case 'flip': {
      const c = b.slice();
      for (let k = 0; k < 1 + rand() * 4; k++) c[Math.floor(rand() * c.length)] = Math.floor(rand() * 256);
      return c;
    }
    case 'insert': {
      const ins = Uint8Array.from({ length: 1 + Math.floor(rand() * 8) }, () => Math.floor(rand() * 256));
      return new Uint8Array([...b.slice(0, at), ...ins, ...b.slice(at)]);
    }
    case 'delete':
      return new Uint8Array([...b.slice(0, at), ...b.slice(at + 1 + Math.floor(rand() * 40))]);
    default: {
      const len = Math.floor(rand() * 60);
      return new Uint8Array([...b.slice(0, at + len), ...b.slice(at, at + len), ...b.slice(at + len)]);
    }
  }
}
