import fc from 'fast-check';

// Every property runs on one fixed seed, so a learner, an instructor and CI see the same
// counterexamples. `FC_SEED=<n>` replays a seed; `FC_SEED=random` (or `npm run fuzz`) draws fresh ones.
// `FC_PATH=<path>` (with the seed it came from) replays one shrunk case: the kata helpers in
// src/testing/kata.ts print both in every failure.
const DEFAULT_SEED = 20240101;

function chooseSeed(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return Math.floor(Math.random() * 0x7fffffff);
  const seed = Number(raw);
  if (!Number.isInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", got "${raw}"`);
  return seed;
}

function chooseRuns(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 100;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FC_RUNS must be a whole number above 0, got "${raw}"`);
  return runs;
}

const numRuns = chooseRuns(process.env.FC_RUNS);

// configureGlobal replaces the whole global configuration, so every setting lives in this one call.
// markInterruptAsFailure: a property cut short by jest's timeout must fail, not pass on partial runs.
fc.configureGlobal({
  seed: chooseSeed(process.env.FC_SEED),
  numRuns,
  markInterruptAsFailure: true,
});
