/** The messages between the training widget and its Web Worker. */
export interface TrainSettings {
  /** Address of mnist-digits.bin (see mnist-asset.ts). */
  url: string;
  trainSize: number;
  validSize: number;
  epochs: number;
  batchSize: number;
  lr: number;
  hidden: number;
  seed: number;
}

export type ToWorker =
  | { type: 'train'; settings: TrainSettings }
  | { type: 'predict'; pixels: Float32Array }
  | { type: 'sample'; index: number };

export type FromWorker =
  | { type: 'status'; text: string }
  | { type: 'steps'; losses: { epoch: number; loss: number }[] }
  | {
      type: 'epoch';
      epoch: number;
      valLoss: number;
      valAccuracy: number;
      weights: Float32Array;
      hidden: number;
    }
  | { type: 'done'; seconds: number }
  | { type: 'prediction'; probabilities: number[] }
  | { type: 'sample'; pixels: Float32Array; label: number }
  | { type: 'error'; message: string };
