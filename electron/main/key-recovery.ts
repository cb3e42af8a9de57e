/**
 * What happens when the data key is lost: say so plainly (Kazakh and Russian), offer to start over from the server
 * with a second confirmation, and never delete anything without that explicit choice.
 */
import type { MessageBoxSyncOptions } from 'electron';
import { bilingual, bilingualCaption, shellText, type KeyProblem } from './messages';

export interface DialogLike {
  showMessageBoxSync(options: MessageBoxSyncOptions): number;
}

export function askToStartOver(dialog: DialogLike, problem: KeyProblem, systemLocale: string): boolean {
  const QUIT = 0;
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: bilingualCaption(shellText('dbTitle')),
    message: bilingual(shellText(`keyProblem.${problem}`), systemLocale),
    detail: bilingual(shellText('startOverExplained'), systemLocale),
    buttons: [bilingualCaption(shellText('quit')), bilingualCaption(shellText('startOver'))],
    defaultId: QUIT,
    cancelId: QUIT,
    noLink: true,
  });
  if (choice === QUIT) return false;
  const CANCEL = 0;
  const confirmed = dialog.showMessageBoxSync({
    type: 'warning',
    title: bilingualCaption(shellText('startOver')),
    message: bilingual(shellText('confirmStartOver'), systemLocale),
    buttons: [bilingualCaption(shellText('cancel')), bilingualCaption(shellText('deleteAndDownload'))],
    defaultId: CANCEL,
    cancelId: CANCEL,
    noLink: true,
  });
  return confirmed !== CANCEL;
}

