import { tensor, type Tensor } from '../tensor';
import { numel } from './shapes';

/** The dtypes the arbitraries generate. */
export type TestDtype = 'float32' | 'float64' | 'int32';

type TensorOptions = NonNullable<Parameters<typeof tensor>[1]>;

/** A contiguous tensor of `shape` holding `values` (row-major). Works for `[]` and 0-sized dims. */
export function fromValues(
  values: readonly number[],
  shape: readonly number[],
  dtype: TestDtype = 'float32',
): Tensor {
  const count = numel(shape);
  if (values.length < count)
    throw new Error(`fromValues: ${values.length} values for shape [${shape.join(',')}]`);
  return tensor(values.slice(0, count), { dtype } as TensorOptions).reshape([...shape]);
}
