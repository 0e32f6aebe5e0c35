/**
 * Module: parameters and children found from fields, names like PyTorch's, train/eval, zeroGrad.
 */
import { Linear } from './linear';
import { Module } from './module';
import { ReLU } from './relu';
import { Sequential } from './sequential';
import { manualSeed, randn, zeros, type Tensor } from '../tensor';

class TwoLayer extends Module {
  lin1 = new Linear(4, 3);
  relu = new ReLU();
  lin2 = new Linear(3, 1);
  /** Not parameters: a buffer that does not require grad, and a kept activation (non-leaf). */
  runningMean = zeros(3);
  lastHidden: Tensor | null = null;

  forward(x: Tensor): Tensor {
    this.lastHidden = this.relu.call(this.lin1.call(x));
    return this.lin2.call(this.lastHidden);
  }
}

class Stack extends Module {
  layers = [new Linear(2, 2), new Linear(2, 2)];
  forward(x: Tensor): Tensor {
    return this.layers.reduce((h, layer) => layer.call(h), x);
  }
}

beforeEach(() => manualSeed(0));

describe('Module', () => {
  test('parameters come from fields, in assignment order, with dotted names', () => {
    const model = new TwoLayer();
    model.call(randn(5, 4)); // keeps a non-leaf activation in a field
    expect(model.namedParameters().map(([name, p]) => [name, p.shape])).toEqual([
      ['lin1.weight', [3, 4]],
      ['lin1.bias', [3]],
      ['lin2.weight', [1, 3]],
      ['lin2.bias', [1]],
    ]);
    expect(model.parameters()).toEqual([
      model.lin1.weight,
      model.lin1.bias,
      model.lin2.weight,
      model.lin2.bias,
    ]);
    expect(model.children()).toEqual([model.lin1, model.relu, model.lin2]);
  });

  test('Sequential names its children 0, 1, 2 like PyTorch', () => {
    const model = new Sequential(new Linear(3, 2), new ReLU(), new Linear(2, 1));
    expect(model.namedParameters().map(([name]) => name)).toEqual([
      '0.weight',
      '0.bias',
      '2.weight',
      '2.bias',
    ]);
    expect(model.at(-1)).toBe(model.layers[2]);
    expect(model.length).toBe(3);
  });

  test('an array field of modules is a list of children', () => {
    expect(new Stack().namedParameters().map(([name]) => name)).toEqual([
      'layers.0.weight',
      'layers.0.bias',
      'layers.1.weight',
      'layers.1.bias',
    ]);
  });

  test('a shared (tied) parameter is listed once', () => {
    const lin = new Linear(2, 2);
    expect(new Sequential(lin, new ReLU(), lin).parameters()).toHaveLength(2);
  });

  test('call runs forward; Sequential feeds each layer the previous output', () => {
    const model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
    const x = randn(5, 4);
    const [l1, , l2] = model.layers as [Linear, ReLU, Linear];
    const expected = l2.call(l1.call(x).relu());
    expect(model.call(x)).toBeCloseTensor(expected);
  });

  test('zeroGrad forgets every gradient; train/eval reach every descendant', () => {
    const model = new TwoLayer();
    model.call(randn(2, 4)).sum().backward();
    expect(model.parameters().every((p) => p.grad !== null)).toBe(true);
    model.zeroGrad();
    expect(model.parameters().every((p) => p.grad === null)).toBe(true);
    expect(model.eval()).toBe(model);
    expect(model.modules().every((m) => !m.training)).toBe(true);
    model.train();
    expect(model.modules().every((m) => m.training)).toBe(true);
  });

  test('apply visits every module, children before parents (for custom init)', () => {
    const model = new Sequential(new Linear(3, 2), new Sequential(new ReLU(), new Linear(2, 1)));
    const visited: string[] = [];
    model.apply((m) => {
      visited.push(m.constructor.name);
      if (m instanceof Linear) m.weight.detach().fill_(0.5);
    });
    expect(visited).toEqual(['Linear', 'ReLU', 'Linear', 'Sequential', 'Sequential']);
    expect((model.layers[0] as Linear).weight.detach().toArray()).toEqual([
      [0.5, 0.5, 0.5],
      [0.5, 0.5, 0.5],
    ]);
  });

  test('prints like PyTorch', () => {
    const model = new Sequential(
      new Linear(784, 50),
      new ReLU(),
      new Linear(50, 10, { bias: false }),
    );
    expect(String(model)).toBe(
      [
        'Sequential(',
        '  (0): Linear(in_features=784, out_features=50, bias=True)',
        '  (1): ReLU()',
        '  (2): Linear(in_features=50, out_features=10, bias=False)',
        ')',
      ].join('\n'),
    );
  });
});
