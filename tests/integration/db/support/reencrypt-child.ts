/**
 * Re-encrypts a legacy database in its own process and SIGKILLs itself at one point of it, for the crash test:
 * argv = database file, key (hex), kill point ("<checkpointed|copying|copied|renamed>:<file number>").
 */
import { reencryptLegacyDatabase, type ReencryptStep } from '../../../../db/reencrypt';

const [file, keyHex, killAt] = process.argv.slice(2);
if (!file || !keyHex || !killAt) throw new Error('usage: reencrypt-child FILE KEY_HEX POINT:FILE_NUMBER');
let fileNumber = 0;
const killIf = (point: ReencryptStep | 'copying') => {
  if (killAt === `${point}:${fileNumber}`) process.kill(process.pid, 'SIGKILL');
};
reencryptLegacyDatabase(file, Uint8Array.from(Buffer.from(keyHex, 'hex')), {
  onProgress: (p) => {
    fileNumber = p.fileNumber;
    if (p.rowsDone > 0) killIf('copying');
  },
  onStep: (step) => killIf(step),
});
process.stdout.write('finished without being killed\n');
