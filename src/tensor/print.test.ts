import { arange, ones, tensor, zeros } from './creation';
import { formatExp, formatFixed } from './print';

// Every expected string below is PyTorch's own output for the same tensor (default print options),
// except that integer tensors here are int32 and so always print `dtype=torch.int32`.
describe('toString prints exactly like PyTorch', () => {
  const cases: [string, () => unknown, string][] = [
    [
      'a float matrix',
      () =>
        tensor(
          [
            [1, 2],
            [3, 4],
          ],
          { dtype: 'float32' },
        ),
      'tensor([[1., 2.],\n        [3., 4.]])',
    ],
    ['int32', () => tensor([1, 2, 3], { dtype: 'int32' }), 'tensor([1, 2, 3], dtype=torch.int32)'],
    ['numbers as written in the lessons', () => tensor([1, 2, 3]), 'tensor([1., 2., 3.])'],
    ['bool', () => tensor([true, false]), 'tensor([ True, False])'],
    [
      'a bool matrix',
      () =>
        tensor([
          [true, false],
          [false, true],
        ]),
      'tensor([[ True, False],\n        [False,  True]])',
    ],
    [
      'float64',
      () => tensor([1.5, 2], { dtype: 'float64' }),
      'tensor([1.5000, 2.0000], dtype=torch.float64)',
    ],
    ['fractions', () => tensor([0.1, 0.25]), 'tensor([0.1000, 0.2500])'],
    ['a 0-d float', () => tensor(3.5), 'tensor(3.5000)'],
    ['a 0-d whole float', () => tensor(2, { dtype: 'float32' }), 'tensor(2.)'],
    ['a 0-d int', () => tensor(7, { dtype: 'int32' }), 'tensor(7, dtype=torch.int32)'],
    ['a 0-d number', () => tensor(7), 'tensor(7.)'],
    ['an empty matrix', () => zeros(0, 3), 'tensor([], size=(0, 3))'],
    ['an empty vector', () => zeros(0), 'tensor([])'],
    ['an empty int vector', () => zeros([0], { dtype: 'int32' }), 'tensor([], dtype=torch.int32)'],
    ['small numbers go scientific', () => tensor([1e-5, 1]), 'tensor([1.0000e-05, 1.0000e+00])'],
    ['signed scientific', () => tensor([-1e-5, 1]), 'tensor([-1.0000e-05,  1.0000e+00])'],
    [
      'large integers go scientific',
      () => tensor([1e10, 1], { dtype: 'float32' }),
      'tensor([1.0000e+10, 1.0000e+00])',
    ],
    [
      'a wide ratio goes scientific',
      () => tensor([100000.5, 1]),
      'tensor([1.0000e+05, 1.0000e+00])',
    ],
    ['nan', () => tensor([NaN, 1]), 'tensor([nan, 1.])'],
    ['inf is padded to the width', () => tensor([Infinity, -1.5]), 'tensor([    inf, -1.5000])'],
    ['negative zero', () => tensor([-0, 1], { dtype: 'float32' }), 'tensor([-0., 1.])'],
    ['ties round half to even', () => tensor([1.03125, 2]), 'tensor([1.0312, 2.0000])'],
    [
      'a padded matrix',
      () => arange(12).float().view(3, 4),
      'tensor([[ 0.,  1.,  2.,  3.],\n        [ 4.,  5.,  6.,  7.],\n        [ 8.,  9., 10., 11.]])',
    ],
    [
      'a 3-d tensor',
      () => zeros(2, 2, 2),
      'tensor([[[0., 0.],\n         [0., 0.]],\n\n        [[0., 0.],\n         [0., 0.]]])',
    ],
    [
      'a wrapped long vector',
      () => arange(30).float(),
      'tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n' +
        '        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,\n' +
        '        28., 29.])',
    ],
    [
      'a summarised matrix',
      () => ones(40, 40),
      'tensor([[1., 1., 1.,  ..., 1., 1., 1.],\n' +
        '        [1., 1., 1.,  ..., 1., 1., 1.],\n' +
        '        [1., 1., 1.,  ..., 1., 1., 1.],\n' +
        '        ...,\n' +
        '        [1., 1., 1.,  ..., 1., 1., 1.],\n' +
        '        [1., 1., 1.,  ..., 1., 1., 1.],\n' +
        '        [1., 1., 1.,  ..., 1., 1., 1.]])',
    ],
    [
      'a summarised int vector',
      () => arange(2000),
      'tensor([   0,    1,    2,  ..., 1997, 1998, 1999], dtype=torch.int32)',
    ],
    ['requires_grad', () => ones(2).requiresGrad_(), 'tensor([1., 1.], requires_grad=True)'],
    ['grad_fn', () => ones(2).requiresGrad_().add(1), 'tensor([2., 2.], grad_fn=<AddBackward0>)'],
    ['a sum', () => ones(2).requiresGrad_().sum(), 'tensor(2., grad_fn=<SumBackward0>)'],
    [
      'a product',
      () => ones(2, 2).requiresGrad_().matmul(ones(2, 2)),
      'tensor([[2., 2.],\n        [2., 2.]], grad_fn=<MmBackward0>)',
    ],
    [
      'a non-contiguous view',
      () => arange(6).view(2, 3).t(),
      'tensor([[0, 3],\n        [1, 4],\n        [2, 5]], dtype=torch.int32)',
    ],
  ];
  test.each(cases)('%s', (_, make, expected) => {
    expect(String(make())).toBe(expected);
  });

  test('a suffix that does not fit goes on its own line', () => {
    const text = arange(14).float().add(10000).double().toString();
    expect(text).toBe(
      'tensor([10000., 10001., 10002., 10003., 10004., 10005., 10006., 10007., 10008.,\n' +
        '        10009., 10010., 10011., 10012., 10013.], dtype=torch.float64)',
    );
  });
});

describe("Python's number formatting", () => {
  test('fixed point rounds exact ties to even, everything else to nearest', () => {
    expect(formatFixed(0.5, 0)).toBe('0');
    expect(formatFixed(1.5, 0)).toBe('2');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(1.03125, 4)).toBe('1.0312');
    expect(formatFixed(1.09375, 4)).toBe('1.0938');
    expect(formatFixed(0.1, 4)).toBe('0.1000');
    expect(formatFixed(-0.00001, 4)).toBe('-0.0000');
    expect(formatFixed(-0, 0)).toBe('-0');
  });

  test('exponent form has two exponent digits at least', () => {
    expect(formatExp(1e-5, 4)).toBe('1.0000e-05');
    expect(formatExp(123456, 4)).toBe('1.2346e+05');
    expect(formatExp(1031.25, 4)).toBe('1.0312e+03');
    expect(formatExp(1e100, 4)).toBe('1.0000e+100');
    expect(formatExp(NaN, 4)).toBe('nan');
  });
});
