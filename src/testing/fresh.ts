/**
 * Fresh inputs for every property run. fast-check may hand the same generated value to more than
 * one run (the `examples`, a replayed path, values kept while shrinking), and a wrong answer may
 * write into its inputs. Each run therefore gets copies: same shape, strides, offset and dtype
 * over a copy of the whole storage, so a view stays the same view. The originals are never given
 * to the code under test, so a counterexample prints the inputs as they were before it ran, and
 * comparing a copy with its original tells which input the code changed.
 */
import fc from 'fast-check';
import { Storage, Tensor } from '../tensor';
import { flatValues } from './read';

/** Deep-copies every Tensor inside arrays and plain objects; anything else is passed through. */
export function freshCopies<T>(value: T): T {
  const storages = new Map<Storage, Storage>();
  const copy = (item: unknown): unknown => {
    if (item instanceof Tensor) return copyTensor(item, storages);
    if (Array.isArray(item)) return item.map(copy);
    if (isPlainObject(item)) {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(item)) out[key] = copy(entry);
      return out;
    }
    return item;
  };
  return copy(value) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Views of one storage stay views of one (copied) storage. */
function copyTensor(t: Tensor, storages: Map<Storage, Storage>): Tensor {
  const source = t.storage();
  let storage = storages.get(source);
  if (!storage) {
    storage = new Storage(source.data.slice(), source.dtype);
    storages.set(source, storage);
  }
  const copy = new Tensor(storage, [...t.shape], [...t.stride()], t.offset);
  copy.requiresGrad = t.requiresGrad;
  // keep the counterexample printing of readable() tensors
  const describe = (t as unknown as Record<PropertyKey, unknown>)[fc.toStringMethod];
  if (typeof describe === 'function') {
    Object.defineProperty(copy, fc.toStringMethod, {
      value: describe.bind(copy),
      enumerable: false,
      configurable: true,
    });
  }
  return copy;
}

/** Where each tensor sits in a value: `[path, tensor]` pairs, paths like `[0]` or `.inp`. */
export function tensorsIn(value: unknown, path = ''): [string, Tensor][] {
  if (value instanceof Tensor) return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => tensorsIn(item, `${path}[${i}]`));
  if (isPlainObject(value))
    return Object.entries(value).flatMap(([key, item]) => tensorsIn(item, `${path}.${key}`));
  return [];
}

/** What a caller can observe of a tensor's memory: layout and every value (NaN-safe). */
function fingerprint(t: Tensor): string {
  const values = Array.from(flatValues(t), (v) => (Object.is(v, -0) ? '-0' : String(v)));
  return JSON.stringify([t.shape, t.stride(), t.offset, t.dtype, values]);
}

/**
 * The paths (relative to each argument, e.g. `[1]` or `.w`) of the tensors whose shape, strides,
 * offset, dtype or values differ between the originals and the copies a run received.
 */
export function changedInputs(
  originals: readonly unknown[],
  copies: readonly unknown[],
): string[][] {
  return originals.map((original, i) => {
    const before = tensorsIn(original);
    const after = new Map(tensorsIn(copies[i]));
    return before
      .filter(([path, t]) => {
        const now = after.get(path);
        return now === undefined || fingerprint(now) !== fingerprint(t);
      })
      .map(([path]) => path);
  });
}
