/**
 * Start-up leaves the backend thread's heap with a hundred-odd megabytes committed and most of it garbage (modules
 * compiled, migrations, the replica's schema). Left alone, V8's memory reducer collects and shrinks it about eight
 * seconds later with a full, compacting collection — typically while a bootstrap keeps both cores busy, so the
 * thread pauses 50–130 ms in the middle of the user's calls. Doing that collection once before the first call
 * moves the pause to where nobody waits for the thread, and the later ones have little left to compact.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

export function collectStartupGarbage(): void {
  // `gc` is only defined in contexts created after the flag is set; the flag changes nothing else.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as Collect | undefined;
  // The last-resort flavour is the memory reducer's own: every unused page is compacted away and given back.
  gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
