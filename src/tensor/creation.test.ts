import fc from 'fast-check';
import {
  arange,
  asStrided,
  eye,
  fromStorage,
  full,
  linspace,
  ones,
  rand,
  randn,
  tensor,
  zeros,
  zerosLike,
} from './creation';
import { manualSeed } from './random';
import { Storage } from './storage';

describe('creation', () => {
  test('tensor() reads numbers as float32 whatever their values, booleans as bool, Int32Array as int32', () => {
    // JavaScript has no `1.` literal: the dtype never depends on the values (TensorFlow.js's rule)
    expect(tensor([1, 2]).dtype).toBe('float32');
    expect(tensor(5).dtype).toBe('float32');
    expect(full([2], 5).dtype).toBe('float32');
    expect(full([2], true).dtype).toBe('bool');
    expect(tensor([true, 1]).dtype).toBe('float32');
    expect(tensor(Int32Array.of(1, 2)).dtype).toBe('int32');
    expect(tensor([1, 2], { dtype: 'int32' }).dtype).toBe('int32');
    expect(tensor([1, 2.5]).dtype).toBe('float32');
    expect(tensor([NaN]).dtype).toBe('float32');
    expect(tensor([true, false]).dtype).toBe('bool');
    expect(tensor([]).dtype).toBe('float32');
    expect(tensor([1, 2], { dtype: 'float64' }).dtype).toBe('float64');
    expect(tensor(Float64Array.of(1, 2)).dtype).toBe('float64');
    expect(
      tensor([
        [1, 2],
        [3, 4],
      ]).shape,
    ).toEqual([2, 2]);
    expect(tensor(5).shape).toEqual([]);
    // the lesson's tensor([[1., 2.], [3., 4.]]), written as JavaScript numbers
    const lesson = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(String(lesson)).toBe('tensor([[1., 2.],\n        [3., 4.]])');
    expect(lesson.mean().item()).toBe(2.5);
    expect(() => tensor([[1, 2], [3]])).toThrow('expected sequence of length 2 at dim 1 (got 1)');
  });

  test('tensor() copies and round-trips through toArray', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (rows) => {
          const t = tensor(rows);
          rows[0][0] = 1000;
          expect(t.get(0, 0)).not.toBe(1000);
          expect(tensor(t.toArray() as number[][]).toArray()).toEqual(t.toArray());
        },
      ),
    );
  });

  test('size arguments as varargs or one array, options last', () => {
    expect(zeros(2, 3).shape).toEqual([2, 3]);
    expect(zeros([2, 3]).shape).toEqual([2, 3]);
    expect(zeros(2, 3, { dtype: 'int32' }).dtype).toBe('int32');
    expect(ones([2], { dtype: 'float64' }).toArray()).toEqual([1, 1]);
    expect(zeros().shape).toEqual([]);
    expect(full([2, 2], 7).toArray()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    expect(full([1], 0.5).dtype).toBe('float32');
    expect(zerosLike(tensor([1, 2], { dtype: 'int32' })).dtype).toBe('int32');
    expect(() => zeros(-1)).toThrow('Trying to create tensor with negative dimension -1: [-1]');
  });

  test('arange like torch.arange', () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(4).dtype).toBe('int32');
    expect(arange(1, 4).toArray()).toEqual([1, 2, 3]);
    expect(arange(0, 1, 0.25).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(arange(0, 1, 0.25).dtype).toBe('float32');
    expect(arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(arange(3, { dtype: 'float64' }).dtype).toBe('float64');
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  test('eye', () => {
    expect(eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(eye(2, 3).shape).toEqual([2, 3]);
  });

  test('rand and randn are reproducible after manualSeed and look right', () => {
    manualSeed(42);
    const a = randn(10000);
    manualSeed(42);
    const b = randn(10000);
    expect(a.toArray()).toEqual(b.toArray());
    expect(Math.abs(a.mean().item())).toBeLessThan(0.05);
    expect(Math.abs(a.std().item() - 1)).toBeLessThan(0.05);
    const u = rand(10000);
    expect(u.min().item()).toBeGreaterThanOrEqual(0);
    expect(u.max().item()).toBeLessThan(1);
    expect(Math.abs(u.mean().item() - 0.5)).toBeLessThan(0.02);
    expect(rand(2, 3, { dtype: 'float64' }).dtype).toBe('float64');
    expect(() => rand(2, { dtype: 'int32' })).toThrow(
      `"check_uniform_bounds" not implemented for 'Int'`,
    );
    expect(() => randn(2, { dtype: 'bool' })).toThrow(
      `"normal_kernel_cpu" not implemented for 'Bool'`,
    );
    manualSeed(1);
    const c = rand(5).toArray();
    manualSeed(2);
    expect(rand(5).toArray()).not.toEqual(c);
  });

  test('fromStorage and asStrided make views over existing memory', () => {
    const storage = new Storage(Float32Array.of(1, 2, 3, 4, 5, 6), 'float32');
    const m = fromStorage(storage, [2, 3], [3, 1], 0);
    expect(m.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(m.storage()).toBe(storage);
    const windows = asStrided(m, [4, 3], [1, 1]);
    expect(windows.index(3).toArray()).toEqual([4, 5, 6]);
    expect(windows.storage()).toBe(storage);
    expect(() => fromStorage(storage, [3, 3], [3, 1], 0)).toThrow(
      'setStorage: sizes [3, 3], strides [3, 1], storage offset 0, and itemsize 4 requiring a storage size of 36 are out of bounds for storage of size 24',
    );
  });

  test("requiresGrad only for floating point, with PyTorch's error for every other dtype", () => {
    expect(tensor([1.5], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true }).requiresGrad).toBe(true);
    const message = 'Only Tensors of floating point and complex dtype can require gradients';
    // numbers are float32, so the lesson's tensor([10., 6, -4], requires_grad=True) works as written
    expect(tensor([10, 6, -4], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(() => tensor([1, 2, 3], { dtype: 'int32', requiresGrad: true })).toThrow(message);
    expect(() => tensor([true], { requiresGrad: true })).toThrow(message);
    expect(() => zeros(2, { dtype: 'int32', requiresGrad: true })).toThrow(message);
    expect(() => arange(3).requiresGrad_()).toThrow(message);
    expect(arange(3).requiresGrad_(false).requiresGrad).toBe(false);
  });

  test('int32 refuses whole numbers it cannot hold instead of wrapping', () => {
    // JS has no 1e10 integer literal distinct from a float: past int32 it can only be a float.
    expect(tensor([1e10, 1]).dtype).toBe('float32');
    expect(tensor([2 ** 31 - 1, -(2 ** 31)], { dtype: 'int32' }).toArray()).toEqual([
      2 ** 31 - 1,
      -(2 ** 31),
    ]);
    expect(tensor([2 ** 31]).dtype).toBe('float32');
    expect(full([2], 3e9).dtype).toBe('float32');
    expect(arange(0, 3e9, 1e9).dtype).toBe('float32');
    expect(tensor([1], { dtype: 'int32' }).add(2 ** 31).dtype).toBe('float32');
    const overflow = 'value cannot be converted to type int32_t without overflow';
    expect(() => tensor([1e10], { dtype: 'int32' })).toThrow(overflow);
    expect(() => tensor([NaN], { dtype: 'int32' })).toThrow(overflow);
    expect(() => full([2], 2 ** 31, { dtype: 'int32' })).toThrow(overflow);
    expect(() => zeros(2, { dtype: 'int32' }).fill_(3e9)).toThrow(overflow);
    expect(() => zeros(2, { dtype: 'int32' }).set([0], -3e9)).toThrow(overflow);
    expect(() => arange(0, 4e9, 1e9, { dtype: 'int32' })).toThrow(overflow);
    // In range, a fraction is truncated toward zero, as a cast to int is.
    expect(tensor([1.7, -1.7], { dtype: 'int32' }).toArray()).toEqual([1, -1]);
  });
});
