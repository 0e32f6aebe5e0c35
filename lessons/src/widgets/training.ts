/**
 * Training in the browser (capstone): the 784-hidden-10 network learns the `mnist` package's digits
 * in a Web Worker, with a live loss curve, the first layer's weights as pictures after each epoch,
 * and a pad to draw a digit for the network to read.
 */
import type { View } from 'vega';
import { charts, diverging, el, field, input, widgetHeader } from '../dom';
import type { FromWorker, ToWorker, TrainSettings } from './training-protocol';

const SIDE = 28;
const PAD = 280;

export function mountTraining(root: HTMLElement): void {
  widgetHeader(
    root,
    'Train it here',
    'The engine trains the 784-50-10 network on the mnist package’s digits in a background thread of this page ' +
      '(cross-entropy, SGD with momentum 0.9, inputs normalised with the training set’s mean and std, seed 42). ' +
      'Fewer digits or epochs finish sooner.',
  );
  const form = el(
    'form',
    { class: 'controls' },
    field('training digits', 'trainSize', '8000'),
    field('epochs', 'epochs', '3'),
    field('hidden units', 'hidden', '50'),
    field('learning rate', 'lr', '0.05'),
    field('batch size', 'batchSize', '64'),
  );
  form.querySelectorAll('input').forEach((i) => (i.size = 6));
  const start = el('button', { type: 'button', 'data-testid': 'train', text: 'train' });
  const status = el('span', { class: 'note', 'data-testid': 'status' });
  const error = el('div', { class: 'error', 'data-testid': 'error', role: 'alert' });
  const chart = el('div', { class: 'chart', 'data-testid': 'loss-chart' });
  const summary = el('div', { class: 'result', 'data-testid': 'summary' });
  const weights = el('div', { class: 'weights', 'data-testid': 'weights' });
  const pad = el('canvas', {
    width: String(PAD),
    height: String(PAD),
    class: 'pad',
    'data-testid': 'pad',
  });
  const clear = el('button', { type: 'button', text: 'clear' });
  const predictButton = el('button', {
    type: 'button',
    'data-testid': 'predict',
    text: 'read my digit',
  });
  const sampleButton = el('button', {
    type: 'button',
    'data-testid': 'sample',
    text: 'a validation digit',
  });
  const prediction = el('div', { class: 'result', 'data-testid': 'prediction' });
  const probabilities = el('div', { class: 'chart', 'data-testid': 'probabilities' });
  error.hidden = true;
  root.append(
    form,
    el('div', { class: 'controls' }, start, status),
    error,
    chart,
    summary,
    el('div', {
      class: 'row-label',
      text: 'first-layer weights, one picture per hidden unit (red positive, blue negative)',
    }),
    weights,
    el(
      'div',
      { class: 'draw' },
      el('div', {}, pad, el('div', { class: 'controls' }, clear, predictButton, sampleButton)),
      el('div', {}, prediction, probabilities),
    ),
  );

  const worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToWorker): void => worker.postMessage(message);
  let lossView: View | undefined;
  let losses: { epoch: number; loss: number }[] = [];
  let sampleIndex = 0;
  let trained = false;

  const setTrainable = (on: boolean): void => {
    start.disabled = !on;
    predictButton.disabled = !trained || !on;
    sampleButton.disabled = !trained || !on;
  };
  setTrainable(true);

  worker.onmessage = async (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'status') status.textContent = m.text;
    else if (m.type === 'error') {
      error.textContent = m.message;
      error.hidden = false;
      setTrainable(true);
    } else if (m.type === 'steps') {
      losses.push(...m.losses);
      lossView?.insert(
        'loss',
        m.losses.map((p) => ({ ...p, series: 'batch loss' })),
      );
      await lossView?.runAsync();
    } else if (m.type === 'epoch') {
      lossView?.insert('loss', [{ epoch: m.epoch, loss: m.valLoss, series: 'validation loss' }]);
      await lossView?.runAsync();
      summary.textContent = `${m.epoch === 0 ? 'before training' : `after epoch ${m.epoch}`}: validation loss ${m.valLoss.toFixed(3)}, accuracy ${(100 * m.valAccuracy).toFixed(1)}%`;
      drawWeights(weights, m.weights, m.hidden);
    } else if (m.type === 'done') {
      const mean = (xs: { loss: number }[]): number =>
        xs.reduce((s, p) => s + p.loss, 0) / xs.length;
      const k = Math.min(5, Math.floor(losses.length / 2));
      status.textContent =
        `done in ${m.seconds.toFixed(1)} s: batch loss ${mean(losses.slice(0, k)).toFixed(3)} → ${mean(losses.slice(-k)).toFixed(3)}` +
        ` (mean of the first and last ${k} batches)`;
      status.dataset.first = String(mean(losses.slice(0, k)));
      status.dataset.last = String(mean(losses.slice(-k)));
      trained = true;
      setTrainable(true);
    } else if (m.type === 'sample') {
      drawPixels(pad, m.pixels);
      prediction.dataset.label = String(m.label);
      send({ type: 'predict', pixels: m.pixels });
    } else if (m.type === 'prediction')
      await showPrediction(prediction, probabilities, m.probabilities);
  };

  start.addEventListener('click', async () => {
    const read = (name: string): number => Number(input(form, name).value);
    const settings: TrainSettings = {
      url: new URL('mnist-digits.bin', document.baseURI).href,
      trainSize: read('trainSize'),
      validSize: 2000,
      epochs: read('epochs'),
      batchSize: read('batchSize'),
      lr: read('lr'),
      hidden: read('hidden'),
      seed: 42,
    };
    const wrong = Object.entries(settings).find(
      ([k, v]) => k !== 'url' && !(typeof v === 'number' && v > 0),
    );
    if (wrong || settings.trainSize > 9000) {
      error.textContent = `${wrong?.[0] ?? 'trainSize'}: pick a positive number (at most 9000 training digits)`;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    setTrainable(false);
    losses = [];
    status.textContent = 'starting…';
    delete status.dataset.first;
    const { drawChart } = await charts();
    const x = {
      field: 'epoch',
      type: 'quantitative' as const,
      title: 'epoch',
      scale: { domain: [0, settings.epochs] },
    };
    const y = { field: 'loss', type: 'quantitative', title: 'cross-entropy loss' } as const;
    const color = { field: 'series', type: 'nominal', title: null } as const;
    lossView = await drawChart(chart, {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      // The data arrives while training: lay the chart out again as the axes grow.
      autosize: { type: 'pad', resize: true },
      width: 560,
      height: 200,
      data: { name: 'loss' },
      layer: [
        {
          transform: [{ filter: "datum.series === 'batch loss'" }],
          mark: { type: 'line' },
          encoding: { x, y, color },
        },
        {
          transform: [{ filter: "datum.series === 'validation loss'" }],
          mark: { type: 'line', point: true },
          encoding: { x, y, color },
        },
      ],
    });
    send({ type: 'train', settings });
  });

  enableDrawing(pad);
  clear.addEventListener('click', () => enableDrawing(pad));
  predictButton.addEventListener('click', () => {
    delete prediction.dataset.label;
    send({ type: 'predict', pixels: readPad(pad) });
  });
  sampleButton.addEventListener('click', () => send({ type: 'sample', index: sampleIndex++ }));
}

function drawWeights(box: HTMLElement, data: Float32Array, hidden: number): void {
  box.replaceChildren();
  for (let h = 0; h < hidden; h++) {
    const tile = data.subarray(h * SIDE * SIDE, (h + 1) * SIDE * SIDE);
    const scale = tile.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const canvas = el('canvas', {
      width: String(SIDE),
      height: String(SIDE),
      title: `hidden unit ${h}`,
    });
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    tile.forEach((v, i) => {
      ctx.fillStyle = diverging(v, scale);
      ctx.fillRect(i % SIDE, Math.floor(i / SIDE), 1, 1);
    });
    box.append(canvas);
  }
}

/** A black pad the learner draws on in white, like MNIST's digits. */
function enableDrawing(pad: HTMLCanvasElement): void {
  const ctx = pad.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = 'black';
  ctx.fillRect(0, 0, PAD, PAD);
  if (pad.dataset.ready) return;
  pad.dataset.ready = 'yes';
  let drawing = false;
  const at = (e: PointerEvent): [number, number] => {
    const r = pad.getBoundingClientRect();
    return [((e.clientX - r.left) * PAD) / r.width, ((e.clientY - r.top) * PAD) / r.height];
  };
  pad.addEventListener('pointerdown', (e) => {
    drawing = true;
    ctx.beginPath();
    ctx.moveTo(...at(e));
  });
  pad.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    ctx.strokeStyle = 'white';
    ctx.lineWidth = 22;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineTo(...at(e));
    ctx.stroke();
  });
  const stop = (): void => {
    drawing = false;
  };
  pad.addEventListener('pointerup', stop);
  pad.addEventListener('pointerleave', stop);
}

/** The pad as 28 x 28 intensities in [0, 1]: each pixel the mean of a 10 x 10 block. */
function readPad(pad: HTMLCanvasElement): Float32Array {
  const { data } = (pad.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, PAD, PAD);
  const block = PAD / SIDE;
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < PAD; y++)
    for (let x = 0; x < PAD; x++)
      out[Math.floor(y / block) * SIDE + Math.floor(x / block)] += data[(y * PAD + x) * 4] / 255;
  return out.map((v) => v / (block * block));
}

function drawPixels(pad: HTMLCanvasElement, pixels: Float32Array): void {
  const ctx = pad.getContext('2d') as CanvasRenderingContext2D;
  const block = PAD / SIDE;
  pixels.forEach((v, i) => {
    const g = Math.round(255 * Math.max(0, Math.min(1, v)));
    ctx.fillStyle = `rgb(${g}, ${g}, ${g})`;
    ctx.fillRect((i % SIDE) * block, Math.floor(i / SIDE) * block, block, block);
  });
}

async function showPrediction(text: HTMLElement, chart: HTMLElement, p: number[]): Promise<void> {
  const best = p.indexOf(Math.max(...p));
  const label = text.dataset.label === undefined ? '' : ` (the digit is a ${text.dataset.label})`;
  text.textContent = `the network reads ${best}, ${(100 * p[best]).toFixed(1)}% sure${label}`;
  text.dataset.digit = String(best);
  const { drawChart } = await charts();
  await drawChart(chart, {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 260,
    height: 160,
    data: { values: p.map((probability, digit) => ({ digit: String(digit), probability })) },
    mark: 'bar',
    encoding: {
      x: { field: 'digit', type: 'ordinal', title: 'digit', axis: { labelAngle: 0 } },
      y: {
        field: 'probability',
        type: 'quantitative',
        scale: { domain: [0, 1] },
        title: 'probability',
      },
    },
  });
}
