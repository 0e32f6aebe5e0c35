/**
 * Chains of views checked against PyTorch: the shape, strides and storage offset each chain gives
 * in PyTorch 1.13, recorded once (below). Size-1 dimensions included: their strides are never
 * stepped along, but a learner comparing `stride()` with PyTorch or the lesson sees them.
 *
 * Recorded with PyTorch: each chain starts from `torch.arange(numel, dtype=torch.float32)
 * .reshape(shape)` and applies its steps; `index` keys are PyTorch's (`null` is None, `[a, b, c]`
 * is `a:b:c`).
 */
import { arange, type IndexKey, type Tensor } from '.';

type Step =
  | ['expand' | 'view' | 'reshape' | 'permute', number[]]
  | ['unsqueeze', number]
  | ['squeeze', number?]
  | ['t']
  | ['transpose', number, number]
  | ['select', number, number]
  | ['narrow', number, number, number]
  | ['index', IndexKey[]];

interface Recorded {
  shape: number[];
  steps: Step[];
  size: number[];
  stride: number[];
  offset: number;
}

function apply(t: Tensor, step: Step): Tensor {
  switch (step[0]) {
    case 'expand':
      return t.expand(step[1]);
    case 'view':
      return t.view(step[1]);
    case 'reshape':
      return t.reshape(step[1]);
    case 'permute':
      return t.permute(step[1]);
    case 'unsqueeze':
      return t.unsqueeze(step[1]);
    case 'squeeze':
      return step[1] === undefined ? t.squeeze() : t.squeeze(step[1]);
    case 't':
      return t.t();
    case 'transpose':
      return t.transpose(step[1], step[2]);
    case 'select':
      return t.select(step[1], step[2]);
    case 'narrow':
      return t.narrow(step[1], step[2], step[3]);
    case 'index':
      return t.index(...step[1]);
  }
}

function describeChain({ shape, steps }: Recorded): string {
  const calls = steps.map(
    ([op, ...args]) => `.${op}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
  );
  return `[${shape.join(', ')}]${calls.join('')}`;
}

// Recorded from PyTorch 1.13: size, stride and storage offset after each chain.
const PYTORCH: Recorded[] = [
  { shape: [3], steps: [['expand', [1, 3]]], size: [1, 3], stride: [3, 1], offset: 0 },
  { shape: [3], steps: [['expand', [2, 1, 3]]], size: [2, 1, 3], stride: [0, 3, 1], offset: 0 },
  { shape: [3], steps: [['expand', [1, 2, 3]]], size: [1, 2, 3], stride: [0, 0, 1], offset: 0 },
  {
    shape: [3],
    steps: [
      ['expand', [1, 3]],
      ['expand', [4, 1, 3]],
    ],
    size: [4, 1, 3],
    stride: [0, 3, 1],
    offset: 0,
  },
  { shape: [3, 1], steps: [['expand', [1, 3, 4]]], size: [1, 3, 4], stride: [3, 1, 0], offset: 0 },
  { shape: [], steps: [['expand', [1, 2]]], size: [1, 2], stride: [0, 0], offset: 0 },
  { shape: [1, 3], steps: [['expand', [4, 3]]], size: [4, 3], stride: [0, 1], offset: 0 },
  { shape: [3, 1], steps: [['expand', [3, 4]], ['t']], size: [4, 3], stride: [0, 1], offset: 0 },
  {
    shape: [3],
    steps: [
      ['unsqueeze', 0],
      ['expand', [2, 3]],
    ],
    size: [2, 3],
    stride: [0, 1],
    offset: 0,
  },
  {
    shape: [2, 3],
    steps: [['t'], ['unsqueeze', 0]],
    size: [1, 3, 2],
    stride: [3, 1, 3],
    offset: 0,
  },
  {
    shape: [2, 3],
    steps: [['t'], ['unsqueeze', 2]],
    size: [3, 2, 1],
    stride: [1, 3, 1],
    offset: 0,
  },
  {
    shape: [2, 3],
    steps: [
      ['unsqueeze', 1],
      ['transpose', 0, 1],
    ],
    size: [1, 2, 3],
    stride: [3, 3, 1],
    offset: 0,
  },
  { shape: [2, 1, 3], steps: [['squeeze', 1]], size: [2, 3], stride: [3, 1], offset: 0 },
  {
    shape: [2, 3, 1],
    steps: [['squeeze'], ['unsqueeze', 0]],
    size: [1, 2, 3],
    stride: [6, 3, 1],
    offset: 0,
  },
  {
    shape: [2, 3],
    steps: [
      ['select', 0, 1],
      ['unsqueeze', -1],
    ],
    size: [3, 1],
    stride: [1, 1],
    offset: 3,
  },
  {
    shape: [2, 3],
    steps: [
      ['select', 1, 2],
      ['unsqueeze', 0],
    ],
    size: [1, 2],
    stride: [6, 3],
    offset: 2,
  },
  {
    shape: [4, 3],
    steps: [
      ['narrow', 0, 1, 2],
      ['unsqueeze', 1],
    ],
    size: [2, 1, 3],
    stride: [3, 3, 1],
    offset: 3,
  },
  {
    shape: [2, 3],
    steps: [['index', [null, ':', null]]],
    size: [1, 2, 1, 3],
    stride: [6, 3, 3, 1],
    offset: 0,
  },
  { shape: [2, 3], steps: [['index', [0, ':', null]]], size: [3, 1], stride: [1, 1], offset: 0 },
  { shape: [2, 3], steps: [['index', [':', null, 1]]], size: [2, 1], stride: [3, 3], offset: 1 },
  {
    shape: [2, 3, 4],
    steps: [
      ['permute', [2, 0, 1]],
      ['unsqueeze', 2],
    ],
    size: [4, 2, 1, 3],
    stride: [1, 12, 12, 4],
    offset: 0,
  },
  {
    shape: [2, 3],
    steps: [
      ['view', [2, 1, 3]],
      ['transpose', 1, 2],
    ],
    size: [2, 3, 1],
    stride: [3, 1, 3],
    offset: 0,
  },
  {
    shape: [6],
    steps: [
      ['view', [1, 6]],
      ['expand', [2, 6]],
    ],
    size: [2, 6],
    stride: [0, 1],
    offset: 0,
  },
  {
    shape: [2, 3],
    steps: [
      ['transpose', 0, 1],
      ['reshape', [3, 1, 2]],
    ],
    size: [3, 1, 2],
    stride: [1, 6, 3],
    offset: 0,
  },
  {
    shape: [5],
    steps: [
      ['narrow', 0, 1, 3],
      ['view', [3, 1]],
      ['expand', [3, 2]],
    ],
    size: [3, 2],
    stride: [1, 0],
    offset: 1,
  },
  {
    shape: [2, 3],
    steps: [
      ['unsqueeze', 0],
      ['unsqueeze', 3],
      ['squeeze', 0],
    ],
    size: [2, 3, 1],
    stride: [3, 1, 1],
    offset: 0,
  },
  {
    shape: [1, 1],
    steps: [['t'], ['unsqueeze', 1]],
    size: [1, 1, 1],
    stride: [1, 1, 1],
    offset: 0,
  },
  {
    shape: [3, 4],
    steps: [
      ['index', [[0, 3, 2], null]],
      ['transpose', 0, 2],
    ],
    size: [4, 1, 2],
    stride: [1, 4, 8],
    offset: 0,
  },
  {
    shape: [2, 1],
    steps: [
      ['expand', [2, 5]],
      ['select', 1, 0],
      ['unsqueeze', 0],
    ],
    size: [1, 2],
    stride: [2, 1],
    offset: 0,
  },
  {
    shape: [4],
    steps: [['view', [2, 2]], ['t'], ['select', 0, 1], ['unsqueeze', 1]],
    size: [2, 1],
    stride: [2, 1],
    offset: 1,
  },
];

describe('view strides equal PyTorch’s, size-1 dimensions included', () => {
  test.each(PYTORCH.map((recorded) => [describeChain(recorded), recorded] as const))(
    '%s',
    (_, recorded) => {
      const numel = recorded.shape.reduce((a, b) => a * b, 1);
      const start = arange(numel, { dtype: 'float32' }).reshape(recorded.shape);
      const view = recorded.steps.reduce(apply, start);
      expect({ size: view.shape, stride: view.stride(), offset: view.offset }).toEqual({
        size: recorded.size,
        stride: recorded.stride,
        offset: recorded.offset,
      });
    },
  );
});
