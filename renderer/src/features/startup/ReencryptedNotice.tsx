import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupState } from './startup-state';

const NOTICE_ID = 'database-reencrypted';

/**
 * Once the app runs: says that the database moved to the new cipher and where the old file's backup is. It stays
 * until closed, and follows a change of the interface language while it is shown.
 */
export function ReencryptedNotice({ startup }: { startup: StartupState }) {
  const { t } = useTranslation();
  const state = useRef<'none' | 'shown' | 'closed'>('none');
  useEffect(() => {
    const show = () => {
      const event = startup.get();
      if (event?.state !== 'reencrypted' || state.current === 'closed') return;
      const notice = {
        id: NOTICE_ID,
        title: t('startup.reencryptedTitle'),
        message: t('startup.reencryptedBody', { rows: event.rows, backupFile: event.backupFile }),
        autoClose: false as const,
        withCloseButton: true,
        onClose: () => (state.current = 'closed'),
      };
      if (state.current === 'shown') notifications.update(notice);
      else notifications.show(notice);
      state.current = 'shown';
    };
    show();
    return startup.listen(show);
  }, [startup, t]);
  return null;
}
