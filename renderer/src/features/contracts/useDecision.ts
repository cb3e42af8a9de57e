/**
 * Runs a decision call with a busy flag; failures become one readable notification (a cancelled NCALayer dialog
 * stays quiet), success says the decision is being sent (online) or queued (offline); the server's acceptance is
 * announced by the SyncNotifier. Returns whether it succeeded so dialogs can close.
 */
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isQuietError } from '../../api/errors';
import { useSyncStatus } from '../sync/useSyncStatus';

export function useDecision() {
  const { t, i18n } = useTranslation('contracts');
  const [busy, setBusy] = useState(false);
  const online = useSyncStatus()?.online ?? false;
  const run = useCallback(
    async (call: () => Promise<unknown>, options: { announce?: boolean } = {}): Promise<boolean> => {
      setBusy(true);
      try {
        await call();
        if (options.announce !== false) notifications.show({ color: 'teal', message: t(online ? 'sending' : 'queued'), autoClose: 2500 });
        return true;
      } catch (error) {
        // A closed NCALayer dialog is not an error, but it must not pass in silence: with only an AUTH key on the token
        // the dialog offers nothing to choose, and the person needs to know why.
        if (isQuietError(error)) notifications.show({ color: 'blue', message: t('signCancelled'), autoClose: 12000 });
        else notifications.show({ color: 'red', message: errorMessage(error, t, i18n.language), autoClose: 8000 });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, i18n.language, online],
  );
  return { busy, run };
}
