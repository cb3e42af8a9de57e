import { useCallback, useEffect, useState } from 'react';

/** The current `#/section/...` path split into parts; hash routing works under app:// and http alike. */
export function useHashRoute(): [string[], (path: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [parts, setParts] = useState<string[]>(read);
  useEffect(() => {
    const onChange = () => setParts(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((path: string) => {
    window.location.hash = `#/${path.replace(/^\//, '')}`;
  }, []);
  return [parts, navigate];
}
