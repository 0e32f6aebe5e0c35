/**
 * The Module base class, like `torch.nn.Module`.
 *
 * PyTorch registers parameters and sub-modules as you assign them (`self.lin = nn.Linear(...)`).
 * JavaScript has no such hook, so a Module finds them by looking at its own fields, in the order
 * they were assigned:
 * - a field holding a Module (or an array of Modules) is a child;
 * - a field holding a leaf tensor that requires grad is a parameter.
 * Tensors that do not require grad (buffers, cached inputs) and non-leaf tensors (activations kept
 * for inspection) are not parameters.
 */
import { Tensor } from '../tensor/tensor';

export abstract class Module {
  /** True in training mode (the default), false after `eval()`. */
  training = true;

  abstract forward(...inputs: Tensor[]): Tensor;

  /** Runs the module: `model.call(x)` is PyTorch's `model(x)`. */
  call(...inputs: Tensor[]): Tensor {
    return this.forward(...inputs);
  }

  /** Direct sub-modules with their names: field names, `name.i` for arrays of modules. */
  namedChildren(): [string, Module][] {
    const found: [string, Module][] = [];
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Module) found.push([key, value]);
      else if (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((v) => v instanceof Module)
      ) {
        value.forEach((m: Module, i) => found.push([`${key}.${i}`, m]));
      }
    }
    return found;
  }

  children(): Module[] {
    return this.namedChildren().map(([, m]) => m);
  }

  /** This module and every module below it, depth first, with dotted names ('' for this one). */
  namedModules(prefix = ''): [string, Module][] {
    const all: [string, Module][] = [[prefix, this]];
    for (const [name, child] of this.namedChildren()) {
      all.push(...child.namedModules(prefix === '' ? name : `${prefix}.${name}`));
    }
    return all;
  }

  modules(): Module[] {
    return this.namedModules().map(([, m]) => m);
  }

  /** This module's own parameters (not its children's), by field name. */
  namedOwnParameters(): [string, Tensor][] {
    const found: [string, Tensor][] = [];
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Tensor && value.requiresGrad && value.isLeaf) found.push([key, value]);
    }
    return found;
  }

  /** Every parameter of this module and its descendants, with dotted names like `0.weight`. */
  namedParameters(): [string, Tensor][] {
    const all: [string, Tensor][] = [];
    const seen = new Set<Tensor>(); // a shared (tied) parameter is listed once, as in PyTorch
    for (const [prefix, module] of this.namedModules()) {
      for (const [name, p] of module.namedOwnParameters()) {
        if (seen.has(p)) continue;
        seen.add(p);
        all.push([prefix === '' ? name : `${prefix}.${name}`, p]);
      }
    }
    return all;
  }

  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Forgets every parameter's gradient (sets `.grad` to null, PyTorch's default). */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null;
  }

  /**
   * Calls fn on every descendant and then on this module (children first, like PyTorch's
   * `model.apply(init_weights)`); returns this.
   */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  /** Sets training mode on this module and every descendant; returns this. */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /** Evaluation mode: `train(false)`. */
  eval(): this {
    return this.train(false);
  }

  /** The settings printed between the parentheses, e.g. `in_features=784, out_features=50`. */
  extraRepr(): string {
    return '';
  }

  /** Printed like PyTorch's module repr: the class name, its settings, then each child indented. */
  toString(): string {
    const children = this.namedChildren();
    const name = this.constructor.name;
    if (children.length === 0) return `${name}(${this.extraRepr()})`;
    const lines = children.map(
      ([key, child]) => `  (${key}): ${String(child).split('\n').join('\n  ')}`,
    );
    const extra = this.extraRepr();
    return `${name}(\n${extra === '' ? '' : `  ${extra}\n`}${lines.join('\n')}\n)`;
  }
}
