import fc from 'fast-check';

// Every property runs on one fixed seed, so a learner, an instructor and CI see the same
// counterexamples. `FC_SEED=<n>` replays a seed; `FC_SEED=random` (or `npm run fuzz`) draws fresh ones.
const DEFAULT_SEED = 20240101;

function chooseSeed(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return Math.floor(Math.random() * 0x7fffffff);
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got "${raw}"`);
  return seed;
}

const numRuns = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 100;

// configureGlobal replaces the whole global configuration, so every setting lives in this one call.
// markInterruptAsFailure: a property cut short by jest's timeout must fail, not pass on partial runs.
fc.configureGlobal({ seed: chooseSeed(process.env.FC_SEED), numRuns, markInterruptAsFailure: true });
