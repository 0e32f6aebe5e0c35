import { tensor as engineTensor, type NestedArray } from '../tensor';
import { assertClose, firstDifference, testClose } from './close';

// Numbers are float32 by default; the dtype is spelled out because these tests are about float32.
const tensor = (data: NestedArray) => engineTensor(data, { dtype: 'float32' });

describe('testClose', () => {
  test('equal shapes, elements within eps', () => {
    expect(testClose(tensor([1, 2]), tensor([1, 2.000001]))).toBe(true);
    expect(testClose(tensor([1, 2]), tensor([1, 2.1]))).toBe(false);
    expect(testClose(tensor([1, 2]), tensor([1, 2.1]), 0.2)).toBe(true);
    expect(testClose(tensor([1, 2]), [1, 2])).toBe(true);
  });

  test('shapes must match exactly (no broadcasting)', () => {
    expect(testClose(tensor([1, 1]), tensor([[1, 1]]))).toBe(false);
    expect(firstDifference(tensor([1, 1]), tensor([[1, 1]]))).toEqual({
      kind: 'shape',
      actual: [2],
      expected: [1, 2],
    });
  });

  test('NaN equals NaN only when both are NaN; infinities equal themselves', () => {
    expect(testClose(tensor([NaN]), tensor([NaN]))).toBe(true);
    expect(testClose(tensor([NaN]), tensor([1]))).toBe(false);
    expect(testClose(tensor([1]), tensor([NaN]))).toBe(false);
    expect(testClose(tensor([Infinity]), tensor([Infinity]))).toBe(true);
    expect(testClose(tensor([Infinity]), tensor([-Infinity]))).toBe(false);
  });

  test('compares values, not layouts', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(
      testClose(
        a.t(),
        tensor([
          [1, 3],
          [2, 4],
        ]),
      ),
    ).toBe(true);
  });
});

describe('assertClose', () => {
  test('says where the first difference is and shows both tensors (as numbers with pictures off)', () => {
    withPictures('off', () => {
      expect(() =>
        assertClose(
          tensor([
            [1, 2],
            [3, 4],
          ]),
          tensor([
            [1, 2],
            [5, 4],
          ]),
          1e-5,
          'matmul',
        ),
      ).toThrow(
        /^matmul: first difference at index \[1,0\]: got 3, expected 5 \(difference 2 > eps 0.00001\)\ngot: {6}tensor\(\[\[1\., 2\.\],/,
      );
      expect(() => assertClose(tensor([1]), tensor([1, 2]))).toThrow(
        'shapes differ: got [1], expected [2]',
      );
      expect(() => assertClose(tensor([1]), tensor([1]))).not.toThrow();
    });
  });

  test('draws expected and got side by side, the differing element marked', () => {
    withPictures('plain', () => {
      expect(() =>
        assertClose(
          tensor([
            [1, 2],
            [3, 4],
          ]),
          tensor([
            [1, 2],
            [5, 4],
          ]),
        ),
      ).toThrow(
        [
          'first difference at index [1,0]: got 3, expected 5 (difference 2 > eps 0.00001)',
          'expected [2,2]    got [2,2]',
          '  1   2             1   2',
          ' [5]  4            [3]  4',
        ].join('\n'),
      );
    });
  });
});

/** Runs fn with KATA_PICTURES set to `mode`, then puts the variable back. */
function withPictures(mode: string, fn: () => void): void {
  const before = process.env.KATA_PICTURES;
  process.env.KATA_PICTURES = mode;
  try {
    fn();
  } finally {
    if (before === undefined) delete process.env.KATA_PICTURES;
    else process.env.KATA_PICTURES = before;
  }
}

describe('toBeCloseTensor', () => {
  test('passes on close tensors, and takes nested arrays as the expected value', () => {
    expect(tensor([[1, 2]])).toBeCloseTensor(tensor([[1, 2]]));
    expect(tensor([[1, 2]])).toBeCloseTensor([[1, 2.05]], 0.1);
    expect(tensor([1, 2])).not.toBeCloseTensor([1, 3]);
  });

  test('a failure prints the first differing index with both values, then both tensors', () => {
    let message = '';
    try {
      expect(
        tensor([
          [1, 2],
          [3, 4],
        ]),
      ).toBeCloseTensor([
        [1, 2],
        [3, 5],
      ]);
    } catch (error) {
      message = (error as Error).message;
    }
    // eslint-disable-next-line no-control-regex
    const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toContain('toBeCloseTensor');
    expect(plain).toContain('first difference at index [1,1]: got 4, expected 5');
    expect(plain).toContain(
      `Received: ${String(
        tensor([
          [1, 2],
          [3, 4],
        ]),
      )
        .split('\n')
        .join('\n          ')}`,
    );
    expect(plain).toContain('Expected: tensor([[1., 2.],');
  });

  test('a shape mismatch says so', () => {
    expect(() => expect(tensor([1, 2])).toBeCloseTensor([[1, 2]])).toThrow(
      'shapes differ: got [2], expected [1,2]',
    );
  });

  test('dtypes must match when both sides are tensors, unless checkDtype is false', () => {
    const ints = engineTensor([1, 2], { dtype: 'int32' });
    expect(() => expect(ints).toBeCloseTensor(tensor([1, 2]))).toThrow(
      'dtypes differ: got int32, expected float32',
    );
    expect(ints).toBeCloseTensor(tensor([1, 2]), 0, { checkDtype: false });
    expect(tensor([1, 2]).double()).not.toBeCloseTensor(tensor([1, 2]));
  });
});

describe('assertClose compares dtypes', () => {
  test('an int32 or float64 answer against a float32 tensor fails, naming both dtypes', () => {
    expect(() => assertClose(engineTensor([1, 2], { dtype: 'int32' }), tensor([1, 2]), 0)).toThrow(
      /^dtypes differ: got int32, expected float32\ngot: {6}tensor\(\[1, 2\], dtype=torch\.int32\)/,
    );
    expect(() => assertClose(tensor([1]).double(), tensor([1]), 0, 'the case 1x1')).toThrow(
      /^the case 1x1: dtypes differ: got float64, expected float32/,
    );
  });

  test('checkDtype: false compares values only; plain numbers never carry a dtype', () => {
    assertClose(tensor([1]).double(), tensor([1]), 0, { checkDtype: false });
    assertClose(engineTensor([3], { dtype: 'int32' }), [3], 0);
    expect(testClose(tensor([1]).double(), tensor([1]))).toBe(true);
  });
});
