import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first use: editing, the Changes panel and the survey import
 * are not needed to open the map, and the first load stays small (slow office PCs and lines).
 *
 * @param load - imports the module and picks the component
 * @returns a component that renders nothing until the code is there, then the real one
 */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let loading: Promise<FunctionComponent<P>> | null = null;
  return function Lazy(props: P) {
    const [C, setC] = useState<FunctionComponent<P> | null>(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      void (loading ??= load().then((c) => (loaded = c))).then((c) => live && setC(() => c));
      return () => {
        live = false;
      };
    }, [C]);
    return C ? <C {...props} /> : null;
  };
}
