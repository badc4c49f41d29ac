// A web worker owned by a panel: created when the panel mounts (or `create` changes), terminated when
// it unmounts; `onStop` runs after termination (e.g. to remove the panel's map layer).
import { useEffect, useRef, type MutableRefObject } from 'react';

/**
 * @param create - makes the worker, or null to compute on the main thread; keep the reference stable
 * @param onStop - called when the worker is terminated on unmount (latest version used)
 * @returns a ref to the live worker (null before mount, after unmount, or when create gave null)
 */
export function useWorker(create: () => Worker | null, onStop?: () => void): MutableRefObject<Worker | null> {
  const worker = useRef<Worker | null>(null);
  const stop = useRef(onStop);
  stop.current = onStop;
  useEffect(() => {
    const w = create();
    worker.current = w;
    return () => {
      w?.terminate();
      worker.current = null;
      stop.current?.();
    };
  }, [create]);
  return worker;
}
