/**
 * What happens when the data key is lost: say so plainly (Kazakh and Russian), offer to start over from the server
 * with a second confirmation, and never delete anything without that explicit choice.
 */
import type { MessageBoxSyncOptions } from 'electron';
import { bilingual, bilingualCaption, mainMessages, type KeyProblem } from './messages';

export interface DialogLike {
  showMessageBoxSync(options: MessageBoxSyncOptions): number;
}

export function askToStartOver(dialog: DialogLike, problem: KeyProblem, systemLocale: string): boolean {
  const QUIT = 0;
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: bilingualCaption(mainMessages.dbTitle),
    message: bilingual(mainMessages.keyProblem[problem], systemLocale),
    detail: bilingual(mainMessages.startOverExplained, systemLocale),
    buttons: [bilingualCaption(mainMessages.quit), bilingualCaption(mainMessages.startOver)],
    defaultId: QUIT,
    cancelId: QUIT,
    noLink: true,
  });
  if (choice === QUIT) return false;
  const CANCEL = 0;
  const confirmed = dialog.showMessageBoxSync({
    type: 'warning',
    title: bilingualCaption(mainMessages.startOver),
    message: bilingual(mainMessages.confirmStartOver, systemLocale),
    buttons: [bilingualCaption(mainMessages.cancel), bilingualCaption(mainMessages.deleteAndDownload)],
    defaultId: CANCEL,
    cancelId: CANCEL,
    noLink: true,
  });
  return confirmed !== CANCEL;
}

