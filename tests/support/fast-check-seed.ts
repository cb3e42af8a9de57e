/**
 * Property tests run with one seed in CI, so a run is reproducible and a red build names a real counterexample
 * rather than a rare draw; `FC_SEED=random` (or a number) explores further when run by hand.
 */
import fc from 'fast-check';

const requested = process.env.FC_SEED;
if (requested !== 'random') fc.configureGlobal({ seed: requested ? Number(requested) : 20261207 });
