/**
 * einsum for one or two operands (with "..." for broadcast dims), built from views, sums and one
 * batched matmul: repeated letters within an operand take a diagonal, letters only one operand
 * uses (and the output does not) are summed first, then both operands are permuted and reshaped
 * to [batch, rows, contracted] and [batch, contracted, cols] so that one matmul does the rest.
 * Gradients flow through those ops; countOps sees one 'einsum'.
 */
import { counted } from './ops-count';
import { emptyTensor, Tensor } from './tensor';
import { recordOp } from './ops/record';

interface Term {
  t: Tensor;
  letters: string[];
}

// Stand-ins for the dims an ellipsis covers: never valid subscripts, so they cannot clash.
const ELLIPSIS_DIMS = [...'0123456789'];

/**
 * Splits the equation into one letter list per operand and the output letters. An ellipsis
 * becomes stand-in letters for the dims it covers, right-aligned across operands so that they
 * broadcast like batch dims.
 */
function parse(
  spec: string,
  operands: readonly Tensor[],
): { inputs: string[][]; output: string[] } {
  const clean = spec.replace(/\s+/g, '');
  const [lhs, rhs] = clean.split('->');
  const terms = lhs.split(',');
  if (terms.length !== operands.length) {
    const which = terms.length < operands.length ? 'more' : 'fewer';
    throw new Error(`einsum(): ${which} operands were provided than specified in the equation`);
  }
  for (const c of clean.replace(/\.\.\.|->|,/g, '')) {
    if (!/[a-zA-Z]/.test(c)) {
      throw new Error(
        `einsum(): invalid subscript given at index ${clean.indexOf(c)} in the equation string, subscripts must be in [a-zA-Z]`,
      );
    }
  }
  const covered = terms.map((term, i) =>
    term.includes('...') ? Math.max(0, operands[i].dim() - (term.length - 3)) : 0,
  );
  const widest = Math.max(0, ...covered);
  if (widest > ELLIPSIS_DIMS.length) throw new Error('einsum(): too many dims under the ellipsis');
  const expand = (term: string, n: number) =>
    term.replace('...', ELLIPSIS_DIMS.slice(widest - n, widest).join(''));
  const inputs = terms.map((term, i) => [...expand(term, covered[i])]);
  let output: string[];
  if (rhs === undefined) {
    // Implicit output: the ellipsis dims, then the letters used exactly once, in ASCII order.
    const all = inputs.flat().filter((c) => !ELLIPSIS_DIMS.includes(c));
    const once = [...new Set(all)].filter((c) => all.indexOf(c) === all.lastIndexOf(c)).sort();
    output = [...ELLIPSIS_DIMS.slice(0, widest), ...once];
  } else {
    output = [...expand(rhs, widest)];
    const seen = new Set<string>();
    for (const c of output) {
      if (seen.has(c)) {
        throw new Error(`einsum(): output subscript ${c} appears more than once in the output`);
      }
      if (!inputs.some((l) => l.includes(c))) {
        throw new Error(
          `einsum(): output subscript ${c} does not appear in the equation for any input operand`,
        );
      }
      seen.add(c);
    }
  }
  return { inputs, output };
}

/** The diagonal over two dims holding the same letter: one dim, stride = the sum of both. */
function diagonal(t: Tensor, d0: number, d1: number): Tensor {
  const shape = t.shape.filter((_, d) => d !== d1);
  const strides = t.strides.filter((_, d) => d !== d1);
  strides[d0] = t.strides[d0] + t.strides[d1];
  const out = new Tensor(t.storage(), shape, strides, t.offset);
  return recordOp('DiagonalBackward0', out, [t], (g) => {
    const z = emptyTensor(t.shape, g.dtype);
    diagonal(z, d0, d1).copy_(g);
    return [z];
  });
}

function prepare(t: Tensor, letters: string[], index: number, keep: Set<string>): Term {
  if (letters.length !== t.dim()) {
    throw new Error(
      `einsum(): the number of subscripts in the equation (${letters.length}) does not match the number of dimensions (${t.dim()}) for operand ${index} and no ellipsis was given`,
    );
  }
  let x = t;
  let ls = [...letters];
  for (let i = 0; i < ls.length; i++) {
    for (let j = ls.length - 1; j > i; j--) {
      if (ls[j] !== ls[i]) continue;
      if (x.shape[i] !== x.shape[j]) {
        throw new Error(
          `einsum(): subscript ${ls[i]} is repeated for operand ${index} but the sizes don't match, ${x.shape[i]} != ${x.shape[j]}`,
        );
      }
      x = diagonal(x, i, j);
      ls = ls.filter((_, d) => d !== j);
    }
  }
  const summed = ls.map((c, d) => (keep.has(c) ? -1 : d)).filter((d) => d >= 0);
  if (summed.length > 0) {
    x = x.sum(summed);
    ls = ls.filter((c) => keep.has(c));
  }
  return { t: x, letters: ls };
}

function sizesOf(terms: Term[]): Map<string, number> {
  const sizes = new Map<string, number>();
  terms.forEach(({ t, letters }, i) =>
    letters.forEach((c, d) => {
      const known = sizes.get(c);
      const size = t.shape[d];
      if (known !== undefined && known !== size && known !== 1 && size !== 1) {
        throw new Error(
          `einsum(): operands do not broadcast with remapped shapes (original->remapped): subscript ${c} has size ${size} for operand ${i} which does not broadcast with previously seen size ${known}`,
        );
      }
      if (known === undefined || known === 1) sizes.set(c, size);
    }),
  );
  return sizes;
}

/** Permutes (and broadcasts) a term to the letter order given, then reshapes to `groups` sizes. */
function arrange(
  term: Term,
  order: string[],
  sizes: Map<string, number>,
  groups: string[][],
): Tensor {
  const perm = order.map((c) => term.letters.indexOf(c));
  const x = term.t.permute(perm).expand(order.map((c) => sizes.get(c)!));
  return x.reshape(groups.map((g) => g.reduce((n, c) => n * sizes.get(c)!, 1)));
}

export function einsum(spec: string, ...operands: Tensor[]): Tensor {
  return counted('einsum', () => {
    if (operands.length < 1 || operands.length > 2) {
      throw new Error('einsum(): only one or two operands are supported here');
    }
    const { inputs, output } = parse(spec, operands);
    const uses = (c: string, skip: number) =>
      output.includes(c) || inputs.some((l, i) => i !== skip && l.includes(c));
    const terms = operands.map((t, i) =>
      prepare(t, inputs[i], i, new Set(inputs[i].filter((c) => uses(c, i)))),
    );
    const sizes = sizesOf(terms);
    if (terms.length === 1) {
      const [term] = terms;
      return term.t.permute(output.map((c) => term.letters.indexOf(c)));
    }
    const [a, b] = terms;
    const batch = a.letters.filter((c) => b.letters.includes(c) && output.includes(c));
    const contracted = a.letters.filter((c) => b.letters.includes(c) && !output.includes(c));
    const rows = a.letters.filter((c) => !b.letters.includes(c));
    const cols = b.letters.filter((c) => !a.letters.includes(c));
    const left = arrange(a, [...batch, ...rows, ...contracted], sizes, [batch, rows, contracted]);
    const right = arrange(b, [...batch, ...contracted, ...cols], sizes, [batch, contracted, cols]);
    const product = left.matmul(right);
    const letters = [...batch, ...rows, ...cols];
    const result = product.reshape(letters.map((c) => sizes.get(c)!));
    return result.permute(output.map((c) => letters.indexOf(c)));
  });
}
