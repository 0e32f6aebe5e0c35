import fc from 'fast-check';
import { full, tensor, zeros } from './creation';
import type { DType } from './dtype';
import { broadcastPairArb, tensorArb, tensorOf } from './test/arbitraries';
import { naiveZip, read } from './test/reference';
import { Tensor } from './tensor';

// Read once: the references below run per element, and inside jest a global lookup is slow.
const { fround } = Math;

type Op = 'add' | 'sub' | 'mul' | 'div';
const OPS: Record<Op, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
};

function apply(op: Op, a: Tensor, b: Tensor | number): Tensor {
  return a[op](b);
}

describe('broadcasting elementwise ops', () => {
  test('add/sub/mul/div agree with the naive broadcast reference on any layout', () => {
    fc.assert(
      fc.property(
        broadcastPairArb().chain(([sa, sb]) => fc.tuple(tensorOf(sa), tensorOf(sb))),
        fc.constantFrom<Op>('add', 'sub', 'mul', 'div'),
        ([a, b], op) => {
          const out = apply(op, a.t, b.t);
          const expected = naiveZip(a, b, (x, y) => fround(OPS[op](x, y)));
          expect(read(out)).toEqual(expected);
        },
      ),
    );
  });

  test('inputs are never mutated', () => {
    fc.assert(
      fc.property(
        broadcastPairArb().chain(([sa, sb]) => fc.tuple(tensorOf(sa), tensorOf(sb))),
        ([a, b]) => {
          const before = [a.t.storage().data.slice(), b.t.storage().data.slice()];
          a.t.add(b.t).mul(b.t).sub(a.t).div(b.t).pow(2).exp().log().sqrt().abs().neg();
          a.t.relu().clampMin(0.5).lt(b.t);
          expect([a.t.storage().data, b.t.storage().data]).toEqual(before);
        },
      ),
    );
  });

  test('the result is a fresh contiguous tensor', () => {
    fc.assert(
      fc.property(tensorArb(), ({ t }) => {
        const out = t.mul(2);
        expect(out.storage()).not.toBe(t.storage());
        expect(out.isContiguous()).toBe(true);
      }),
    );
  });

  test('comparisons give bool tensors that agree with the reference', () => {
    const cmp = {
      lt: (x: number, y: number) => x < y,
      le: (x: number, y: number) => x <= y,
      gt: (x: number, y: number) => x > y,
      ge: (x: number, y: number) => x >= y,
      eq: (x: number, y: number) => x === y,
      ne: (x: number, y: number) => x !== y,
    };
    fc.assert(
      fc.property(
        broadcastPairArb().chain(([sa, sb]) =>
          fc.tuple(
            tensorOf(sa, fc.integer({ min: -2, max: 2 })),
            tensorOf(sb, fc.integer({ min: -2, max: 2 })),
          ),
        ),
        fc.constantFrom<keyof typeof cmp>('lt', 'le', 'gt', 'ge', 'eq', 'ne'),
        ([a, b], op) => {
          const out = a.t[op](b.t);
          expect(out.dtype).toBe('bool');
          expect(read(out)).toEqual(naiveZip(a, b, (x, y) => +cmp[op](x, y)));
        },
      ),
    );
  });

  test('unary ops agree with Math on every element', () => {
    const fns = {
      exp: Math.exp,
      log: Math.log,
      sqrt: Math.sqrt,
      abs: Math.abs,
      neg: (x: number) => -x,
      relu: (x: number) => Math.max(x, 0),
    };
    fc.assert(
      fc.property(
        tensorArb('float64'),
        fc.constantFrom<keyof typeof fns>('exp', 'log', 'sqrt', 'abs', 'neg', 'relu'),
        (a, op) => {
          const out = a.t[op]();
          expect(out.shape).toEqual(a.shape);
          read(out).values.forEach((v, i) => expect(v + 0).toBe(fns[op](a.values[i]) + 0));
        },
      ),
    );
  });

  test('a number operand broadcasts like a 0-d tensor', () => {
    fc.assert(
      fc.property(tensorArb(), fc.integer({ min: -5, max: 5 }), (a, s) => {
        expect(read(a.t.mul(s))).toEqual(read(a.t.mul(tensor(s, { dtype: 'float32' }))));
        expect(read(a.t.add(s)).values).toEqual(a.values.map((x) => x + s));
      }),
    );
  });

  test('the error names both sizes and the dim', () => {
    expect(() => zeros(2, 2).add(zeros(2, 3))).toThrow(
      'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1',
    );
    expect(() => zeros(4, 1, 3).mul(zeros(2, 5))).toThrow(
      'The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 2',
    );
  });
});

describe('compiled loops', () => {
  test('read Math through locals taken at load, never through the global object', () => {
    // Inside jest's sandbox each global lookup costs about half a microsecond: a kernel that
    // looked up Math.exp per element would be a hundred times slower. Swap the globals out and
    // the ops must not notice.
    const names = ['exp', 'log', 'sqrt', 'pow', 'abs', 'imul', 'fround'] as const;
    const saved = names.map((name) => Math[name]);
    const x = tensor([0.5, 1, 4], { dtype: 'float32' });
    try {
      for (const name of names) {
        (Math as unknown as Record<string, () => never>)[name] = () => {
          throw new Error(`Math.${name} was looked up`);
        };
      }
      expect(x.exp().log().sqrt().abs().pow(2).clampMin(NaN).toArray()).toEqual([NaN, NaN, NaN]);
      expect(
        x
          .pow(x)
          .lt(tensor([1, 1, 1]))
          .toArray(),
      ).toEqual([true, false, false]);
      expect(
        tensor([3])
          .mul(tensor([5]))
          .toArray(),
      ).toEqual([15]);
      expect(tensor([1, 2]).lt(1.5).toArray()).toEqual([true, false]);
    } finally {
      names.forEach((name, i) => ((Math as unknown as Record<string, unknown>)[name] = saved[i]));
    }
  });
});

describe('IEEE arithmetic', () => {
  test('NaN and Infinity propagate', () => {
    const a = tensor([NaN, Infinity, -Infinity, 1, 0]);
    expect(read(a.add(1)).values).toEqual([NaN, Infinity, -Infinity, 2, 1]);
    expect(read(tensor([1, -1, 0], { dtype: 'float32' }).div(0)).values).toEqual([
      Infinity,
      -Infinity,
      NaN,
    ]);
    expect(read(a.relu()).values).toEqual([NaN, Infinity, 0, 1, 0]);
    // relu keeps -0 (PyTorch's relu is clamp_min(x, 0), which does), in float32 and float64.
    for (const dtype of ['float32', 'float64'] as const) {
      expect(Object.is(read(tensor([-0], { dtype }).relu()).values[0], -0)).toBe(true);
    }
    expect(read(a.clampMin(0)).values).toEqual([NaN, Infinity, 0, 1, 0]);
    expect(read(tensor([-1], { dtype: 'float32' }).sqrt()).values).toEqual([NaN]);
    expect(read(tensor([0], { dtype: 'float32' }).log()).values).toEqual([-Infinity]);
    expect(read(a.eq(a)).values).toEqual([0, 1, 1, 1, 1]);
  });

  test("relu's gradient is 0 where the output is 0 and the incoming one elsewhere (inf and NaN too)", () => {
    // PyTorch's threshold_backward selects (output <= 0 ? 0 : grad) rather than multiplying by a
    // 0/1 mask: an infinite or NaN gradient where relu is flat gives 0, not 0 * inf = NaN, and
    // where the output is NaN the gradient passes (torch 1.13 gives [0, 0, 3, 5, 0] here).
    for (const dtype of ['float32', 'float64'] as const) {
      const x = tensor([-1, 0, 2, NaN, -Infinity], { dtype }).requiresGrad_();
      x.relu().backward(tensor([Infinity, NaN, 3, 5, -Infinity], { dtype }));
      expect(read(x.grad as Tensor).values).toEqual([0, 0, 3, 5, 0]);
    }
  });

  test('float32 results are rounded to float32, float64 ones are not', () => {
    expect(tensor([0.1], { dtype: 'float32' }).add(0.2).item()).toBe(
      Math.fround(Math.fround(0.1) + Math.fround(0.2)),
    );
    expect(tensor([0.1], { dtype: 'float64' }).add(0.2).item()).toBe(0.1 + 0.2);
    // The number is brought to the tensor's dtype first, as in PyTorch: tensor([0.1]) == 0.1.
    expect(tensor([0.1]).eq(0.1).item()).toBe(1);
  });
});

describe('dtype promotion (PyTorch result_type)', () => {
  const t = (dtype: DType) => zeros([2], { dtype });
  const s = (dtype: DType) => zeros([], { dtype });
  const cases: [string, Tensor | number, Tensor | number, DType][] = [
    ['bool + bool', t('bool'), t('bool'), 'bool'],
    ['bool + int32', t('bool'), t('int32'), 'int32'],
    ['int32 + float32', t('int32'), t('float32'), 'float32'],
    ['float32 + float64', t('float32'), t('float64'), 'float64'],
    ['int32 + float64', t('int32'), t('float64'), 'float64'],
    ['int32 + 2', t('int32'), 2, 'int32'],
    ['int32 + 2.5', t('int32'), 2.5, 'float32'],
    ['bool + 2', t('bool'), 2, 'int32'],
    ['bool + 2.5', t('bool'), 2.5, 'float32'],
    ['float32 + 2.5', t('float32'), 2.5, 'float32'],
    ['float64 + 2', t('float64'), 2, 'float64'],
    ['float32 + 0-d float64', t('float32'), s('float64'), 'float32'],
    ['int32 + 0-d float64', t('int32'), s('float64'), 'float64'],
    ['bool + 0-d int32', t('bool'), s('int32'), 'int32'],
    ['0-d int32 + 0-d float64', s('int32'), s('float64'), 'float64'],
    ['0-d float32 + 2.5', s('float32'), 2.5, 'float32'],
    ['0-d int32 + 2.5', s('int32'), 2.5, 'float32'],
  ];
  test.each(cases)('%s', (_, a, b, expected) => {
    expect((a as Tensor).add(b).dtype).toBe(expected);
  });

  // Every pairing of dtype and operand kind, judged by PyTorch's rule in its plainest form:
  // tensors with dims outrank 0-d tensors, which outrank numbers; between equals the higher dtype
  // wins; a lower-ranked operand only counts when its category (bool < integer < float) is higher,
  // and then its own dtype (for a number: int32, or the default float32) is the result.
  describe('every pairing of operand kinds', () => {
    const DTYPES: DType[] = ['bool', 'int32', 'float32', 'float64'];
    const category = (d: DType) => (d === 'bool' ? 0 : d === 'int32' ? 1 : 2);
    const rank = (d: DType) => DTYPES.indexOf(d);
    interface Arg {
      name: string;
      value: Tensor | number;
      dtype: DType;
      priority: number;
    }
    const tensors: Arg[] = DTYPES.flatMap((d) => [
      { name: `${d}[2]`, value: zeros([2], { dtype: d }), dtype: d, priority: 2 },
      { name: `0-d ${d}`, value: zeros([], { dtype: d }), dtype: d, priority: 1 },
    ]);
    const numbers: Arg[] = [
      { name: '2', value: 2, dtype: 'int32', priority: 0 },
      { name: '2.5', value: 2.5, dtype: 'float32', priority: 0 },
    ];
    const expected = (x: Arg, y: Arg): DType => {
      if (x.priority === y.priority) return rank(x.dtype) >= rank(y.dtype) ? x.dtype : y.dtype;
      const [high, low] = x.priority > y.priority ? [x, y] : [y, x];
      return category(low.dtype) > category(high.dtype) ? low.dtype : high.dtype;
    };
    const pairs = tensors.flatMap((x) => [...tensors, ...numbers].map((y) => [x, y] as const));
    test.each(pairs.map(([x, y]) => [x.name, y.name, x, y, expected(x, y)]))(
      '%s with %s',
      (_x, _y, x, y, dtype) => {
        const a = x.value as Tensor;
        expect(a.add(y.value).dtype).toBe(dtype);
        expect(a.mul(y.value).dtype).toBe(dtype);
        expect(a.clampMin(y.value).dtype).toBe(dtype);
        expect(a.lt(y.value).dtype).toBe('bool');
        expect(a.div(y.value).dtype).toBe(category(dtype) === 2 ? dtype : 'float32');
        if (y.value instanceof Tensor) expect(y.value.add(a).dtype).toBe(dtype);
      },
    );
  });

  test('true division of integers gives float32; comparisons give bool', () => {
    const ints = tensor([1, 2], { dtype: 'int32' });
    expect(ints.div(tensor([2, 2], { dtype: 'int32' })).dtype).toBe('float32');
    expect(read(ints.div(2)).values).toEqual([0.5, 1]);
    expect(tensor([1.5]).double().lt(2).dtype).toBe('bool');
    expect(ints.sqrt().dtype).toBe('float32');
    expect(ints.exp().dtype).toBe('float32');
    expect(ints.neg().dtype).toBe('int32');
  });

  test('int32 arithmetic stays integral and wraps like int32', () => {
    expect(tensor([7], { dtype: 'int32' }).mul(3).toArray()).toEqual([21]);
    expect(
      tensor([2 ** 30], { dtype: 'int32' })
        .mul(4)
        .toArray(),
    ).toEqual([0]);
    expect(tensor([2], { dtype: 'int32' }).pow(10).toArray()).toEqual([1024]);
  });

  test('set, fill_ and full take a number: a tensor or anything else is refused, naming .item()', () => {
    const c = zeros(2);
    const sum = tensor([1, 2]).sum() as unknown as number;
    expect(() => c.set([0], sum)).toThrow(
      'set(): the value must be a number, not Tensor: call .item() to read the number a 1-element tensor holds',
    );
    expect(() => c.fill_(undefined as unknown as number)).toThrow(
      'fill_(): the value must be a number, not undefined',
    );
    expect(() => full([2], '3' as unknown as number)).toThrow(
      'full(): the value must be a number, not string',
    );
    expect(c.toArray()).toEqual([0, 0]);
  });

  test("PyTorch's errors for bool and integer corner cases", () => {
    expect(() => tensor([true]).sub(tensor([false]))).toThrow(
      'Subtraction, the `-` operator, with two bool tensors is not supported',
    );
    expect(() => tensor([true]).neg()).toThrow(
      'Negation, the `-` operator, on a bool tensor is not supported',
    );
    expect(() => tensor([2], { dtype: 'int32' }).pow(-1)).toThrow(
      'Integers to negative integer powers are not allowed.',
    );
    expect(
      tensor([true])
        .add(tensor([true]))
        .toArray(),
    ).toEqual([true]);
  });
});

describe('in-place ops', () => {
  test('add_/sub_/mul_ write through views and broadcast the source', () => {
    const base = zeros(2, 3);
    const col = base.index(':', 1);
    col.add_(tensor([1, 2], { dtype: 'float32' }));
    expect(base.toArray()).toEqual([
      [0, 1, 0],
      [0, 2, 0],
    ]);
    base.t().mul_(2).sub_(1);
    expect(base.toArray()).toEqual([
      [-1, 1, -1],
      [-1, 3, -1],
    ]);
    base.copy_(tensor([5, 6, 7]));
    expect(base.toArray()).toEqual([
      [5, 6, 7],
      [5, 6, 7],
    ]);
    base.div_(2).fill_(3);
    expect(base.toArray()).toEqual([
      [3, 3, 3],
      [3, 3, 3],
    ]);
    base.zero_();
    expect(base.sum().item()).toBe(0);
  });

  test('they refuse what PyTorch refuses', () => {
    expect(() => tensor([1, 2], { dtype: 'int32' }).add_(0.5)).toThrow(
      "result type Float can't be cast to the desired output type Int",
    );
    expect(() => zeros(3).add_(zeros(2, 3))).toThrow(
      "output with shape [3] doesn't match the broadcast shape [2, 3]",
    );
    expect(() => zeros(1).expand(3).add_(1)).toThrow(
      'more than one element of the written-to tensor refers to a single memory location',
    );
    expect(() => zeros(2).requiresGrad_().add_(1)).toThrow(
      'a leaf Variable that requires grad is being used in an in-place operation.',
    );
  });

  test('an overlapping source is read before it is overwritten', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    a.add_(a.t());
    expect(a.toArray()).toEqual([
      [2, 5],
      [5, 8],
    ]);
  });
});
