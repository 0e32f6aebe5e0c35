/**
 * Trains the capstone's 784-hidden-10 network on the `mnist` package's digits with the engine,
 * off the page's thread: cross-entropy, SGD with momentum, digits normalised with the training
 * set's mean and std. Reports every batch's loss, and after each epoch the validation loss and
 * accuracy and the first layer's weights.
 */
import {
  batches,
  crossEntropy,
  float32,
  fromStorage,
  int32,
  Linear,
  manualSeed,
  meanAndStd,
  noGrad,
  normalize,
  ReLU,
  Sequential,
  SGD,
  softmax,
  Storage,
  trainValidSplit,
  type Tensor,
} from '../../../src';
import type { FromWorker, ToWorker, TrainSettings } from './training-protocol';

const IMAGE = 784;
const scope = self as unknown as {
  onmessage: (e: MessageEvent<ToWorker>) => void;
  postMessage: (message: FromWorker, transfer?: Transferable[]) => void;
};
const post = (message: FromWorker, transfer: Transferable[] = []): void =>
  scope.postMessage(message, transfer);

let model: Sequential | undefined;
let stats = { mean: 0, std: 1 };
let validation: { x: Tensor; labels: Tensor } | undefined;

async function loadDigits(url: string): Promise<{ images: Tensor; labels: Tensor }> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const n = bytes.length / (IMAGE + 1);
  const labels = Int32Array.from(bytes.subarray(0, n));
  const pixels = new Float32Array(n * IMAGE);
  for (let i = 0; i < pixels.length; i++) pixels[i] = bytes[n + i] / 255;
  return {
    images: fromStorage(new Storage(pixels, float32), [n, IMAGE]),
    labels: fromStorage(new Storage(labels, int32), [n]),
  };
}

async function train(s: TrainSettings): Promise<void> {
  const started = performance.now();
  post({ type: 'status', text: 'loading the digits…' });
  const { images, labels } = await loadDigits(s.url);
  const split = trainValidSplit(images, labels, { trainSize: s.trainSize, seed: s.seed });
  stats = meanAndStd(split.xTrain);
  const xTrain = normalize(split.xTrain, stats.mean, stats.std);
  const validSize = Math.min(s.validSize, split.xValid.shape[0]);
  validation = {
    x: normalize(split.xValid.narrow(0, 0, validSize), stats.mean, stats.std),
    labels: split.yValid.narrow(0, 0, validSize),
  };
  manualSeed(s.seed);
  const first = new Linear(IMAGE, s.hidden);
  model = new Sequential(first, new ReLU(), new Linear(s.hidden, 10));
  const optimizer = new SGD(model.parameters(), { lr: s.lr, momentum: 0.9 });
  const steps = Math.ceil(s.trainSize / s.batchSize);
  // Where both curves start: the untrained network's validation loss, at epoch 0.
  report(0, first, s.hidden);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    post({ type: 'status', text: `epoch ${epoch + 1} of ${s.epochs}…` });
    let step = 0;
    let pending: { epoch: number; loss: number }[] = [];
    for (const [xb, yb] of batches(xTrain, split.yTrain, s.batchSize, {
      shuffle: true,
      seed: s.seed + epoch,
    })) {
      const loss = crossEntropy(model.call(xb), yb);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
      pending.push({ epoch: epoch + ++step / steps, loss: loss.item() });
      if (pending.length >= 8) {
        post({ type: 'steps', losses: pending });
        pending = [];
      }
    }
    if (pending.length) post({ type: 'steps', losses: pending });
    report(epoch + 1, first, s.hidden);
  }
  post({ type: 'done', seconds: (performance.now() - started) / 1000 });
}

/** Validation loss and accuracy after an epoch, and the first layer's weights as pictures. */
function report(epoch: number, first: Linear, hidden: number): void {
  const net = model;
  const valid = validation;
  if (!net || !valid) return;
  const { valLoss, valAccuracy } = noGrad(() => {
    const logits = net.call(valid.x);
    return {
      valLoss: crossEntropy(logits, valid.labels).item(),
      valAccuracy: logits.argmax(1).eq(valid.labels).float().mean().item(),
    };
  });
  // Linear keeps weight as [out, in]: row h is hidden unit h's 784 pixel weights.
  const weights = Float32Array.from(first.weight.detach().contiguous().storage().data);
  post({ type: 'epoch', epoch, valLoss, valAccuracy, weights, hidden }, [weights.buffer]);
}

function predict(pixels: Float32Array): void {
  const net = model;
  if (!net) throw new Error('train the network first');
  const x = normalize(
    fromStorage(new Storage(Float32Array.from(pixels), float32), [1, IMAGE]),
    stats.mean,
    stats.std,
  );
  const probabilities = noGrad(() => softmax(net.call(x), 1));
  post({ type: 'prediction', probabilities: Array.from(probabilities.storage().data, Number) });
}

function sample(index: number): void {
  if (!validation) throw new Error('train the network first');
  const { x, labels } = validation;
  const row = x
    .index(index % x.shape[0], ':')
    .mul(stats.std)
    .add(stats.mean)
    .contiguous();
  const pixels = Float32Array.from(row.storage().data.subarray(row.offset, row.offset + IMAGE));
  post({ type: 'sample', pixels, label: labels.get(index % x.shape[0]) }, [pixels.buffer]);
}

scope.onmessage = (event) => {
  const message = event.data;
  const run = async (): Promise<void> => {
    if (message.type === 'train') await train(message.settings);
    else if (message.type === 'predict') predict(message.pixels);
    else sample(message.index);
  };
  run().catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
