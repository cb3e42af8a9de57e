/**
 * Turns the one-time re-encryption's progress into `backend.startup` events (one per whole percent, so a large
 * replica does not flood the channel) and log lines (one per tenth), and reports its end once the database is open.
 */
import path from 'node:path';
import type { EventPayload } from '../../domain/api';
import type { ReencryptProgress } from '../../db/reencrypt';
import type { Logger } from './logger';

export type StartupListener = (payload: EventPayload<'backend.startup'>) => void;

export interface ReencryptReporter {
  onProgress(progress: ReencryptProgress): void;
  onBackup(file: string): void;
  /** Called after the database opened: announces the end if a re-encryption ran. */
  finished(): void;
}

export function reencryptReporter(logger: Logger, emit: StartupListener): ReencryptReporter {
  let lastEvent = '';
  let lastLog = '';
  let files = 0;
  const rowsPerFile = new Map<number, number>();
  let backupFile: string | null = null;
  return {
    onProgress({ file, fileNumber, files: count, rowsDone, rowsTotal }) {
      files = count;
      rowsPerFile.set(fileNumber, rowsTotal);
      const percent = rowsTotal === 0 ? 0 : Math.min(100, Math.floor((rowsDone / rowsTotal) * 100));
      const eventMark = `${fileNumber}:${percent}`;
      if (eventMark !== lastEvent) {
        lastEvent = eventMark;
        emit({ state: 'reencrypting', fileNumber, files: count, percent });
      }
      const logMark = `${fileNumber}:${Math.floor(percent / 10)}`;
      if (logMark !== lastLog) {
        lastLog = logMark;
        logger.info('re-encrypting the local database with the current cipher', { file, fileNumber, files: count, rowsDone, rowsTotal });
      }
    },
    onBackup(file) {
      backupFile ??= file;
      logger.info('database backed up before migration or re-encryption', { file: path.basename(file) });
    },
    finished() {
      if (files === 0) return;
      const rows = [...rowsPerFile.values()].reduce((a, b) => a + b, 0);
      logger.info('the local database now uses the current cipher', { files, rows });
      emit({ state: 'reencrypted', files, rows, backupFile: backupFile ? path.basename(backupFile) : '' });
    },
  };
}
