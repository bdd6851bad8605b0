/**
 * Memoises a function of object arguments on their identities (the last call only),
 * so selectors return the same array while their inputs are unchanged.
 */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A): R => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => Object.is(a, lastArgs![i]))) return last;
    last = fn(...args);
    lastArgs = args;
    return last;
  };
}
