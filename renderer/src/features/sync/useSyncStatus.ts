import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../domain/api/sync';
import { useApi, useApiEvent } from '../../api/ApiProvider';

/** The sync status: loaded once, then kept current by the backend's `sync.status` events. */
export function useSyncStatus(): SyncStatus | null {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void api['sync.status']({}).then(setStatus, () => undefined);
  }, [api]);
  useApiEvent('sync.status', setStatus);
  return status;
}
