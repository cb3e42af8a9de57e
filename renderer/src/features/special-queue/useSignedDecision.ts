/**
 * Runs one signed decision (NCALayer opens its dialog in the backend): busy state, «queued» on success, the error in
 * the user's language otherwise. Cancelling the NCALayer dialog is not an error and shows nothing.
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isQuietError } from '../../api/errors';
import './i18n';

export function useSignedDecision(): { busy: boolean; run: (decide: () => Promise<unknown>) => Promise<boolean> } {
  const { t, i18n } = useTranslation('specialQueue');
  const { t: common } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (decide: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await decide();
      notifications.show({ message: t('queued'), color: 'teal' });
      return true;
    } catch (error) {
      if (!isQuietError(error)) notifications.show({ message: errorMessage(error, common, i18n.language), color: 'red', autoClose: 10_000 });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
