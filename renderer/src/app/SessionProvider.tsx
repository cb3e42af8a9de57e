import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Session } from '../../../domain/api/auth';
import type { MutationName } from '../../../domain/mutations';
import { useApi, useApiEvent } from '../api/ApiProvider';

interface SessionContextValue {
  session: Session | null;
  setSession: (s: Session) => void;
  /** The server's staff roles allow this decision (the server checks again). */
  may: (name: MutationName) => boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    void api['auth.session']({}).then(setSession);
  }, [api]);
  useApiEvent('auth.session', setSession);
  const may = useCallback((name: MutationName) => !!session?.allowed.includes(name), [session]);
  return <SessionContext.Provider value={{ session, setSession, may }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
