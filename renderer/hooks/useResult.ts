import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../shared/result';

/** Loads a Result-returning call and exposes value, error and a reload function. */
export function useResult<T>(load: () => Promise<Result<T>>, deps: unknown[]) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    const r = await run();
    if (r.ok) {
      setValue(r.value);
      setError(null);
    } else setError(r.error);
    setLoading(false);
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, loading, reload };
}
