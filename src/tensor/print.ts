/**
 * PyTorch's default tensor printing (torch/_tensor_str.py with precision 4, threshold 1000,
 * edgeitems 3, linewidth 80), reproduced character for character: the shared element width,
 * integer mode (`1.`), scientific mode, line wrapping, `...` summaries and the suffixes.
 */
import { isFloating, torchName } from './dtype';
import type { Tensor } from './tensor';

// Read once: inside jest's sandbox every global lookup costs about half a microsecond, and a
// tensor of a thousand elements looks several up per element.
const { abs, ceil, floor, max: maxOf } = Math;
const { isFinite: isFiniteNumber, isInteger, isNaN: isNaNNumber } = Number;

const PRECISION = 4;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 80;

// ---- Python's number formatting ---------------------------------------------------------------

/**
 * Python's `f"{x:.{p}f}"`: like toFixed, but exact ties round half to even (toFixed rounds them
 * up). A tie needs x * 2 * 10^p to be an odd integer, i.e. x * 2^(p+1) an odd integer.
 */
export function formatFixed(x: number, digits: number): string {
  if (!isFiniteNumber(x)) return nonFinite(x);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = abs(x);
  let text = a.toFixed(digits);
  const scaled = a * 2 ** (digits + 1);
  if (isInteger(scaled) && scaled % 2 === 1 && scaled < 2 ** 53) {
    // An exact tie: take the even neighbour.
    const units = (BigInt(scaled) * 5n ** BigInt(digits) - 1n) / 2n;
    const even = units % 2n === 0n ? units : units + 1n;
    text = decimalText(even, digits);
  }
  return sign + text;
}

function decimalText(units: bigint, digits: number): string {
  const s = units.toString().padStart(digits + 1, '0');
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Python's `f"{x:.{p}e}"`: two-digit exponent at least, and ties to even. */
export function formatExp(x: number, digits: number): string {
  if (!isFiniteNumber(x)) return nonFinite(x);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = abs(x);
  const [rounded, exponent] = a.toExponential(digits).split('e');
  const e = +exponent;
  const mantissa = exponentTie(a, digits, e) ?? rounded;
  const magnitude = abs(e);
  const expSign = e < 0 ? '-' : '+';
  return `${sign}${mantissa}e${expSign}${String(magnitude).padStart(2, '0')}`;
}

// toExponential also rounds ties up; redo exact ties (x = (2u+1)/2 * 10^(e-p)) half to even.
function exponentTie(a: number, digits: number, e: number): string | null {
  const shift = digits - e; // x * 10^shift should be u + 1/2
  if (shift < 0 || shift > 300) return null;
  const scaled = a * 2 ** (shift + 1);
  if (!isInteger(scaled) || scaled % 2 !== 1 || scaled >= 2 ** 53) return null;
  const units = (BigInt(scaled) * 5n ** BigInt(shift) - 1n) / 2n;
  const even = units % 2n === 0n ? units : units + 1n;
  const s = even.toString();
  if (s.length !== digits + 1) return null;
  return digits === 0 ? s : `${s[0]}.${s.slice(1)}`;
}

function nonFinite(x: number): string {
  return isNaNNumber(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
}

// ---- the element formatter (PyTorch's _Formatter) ---------------------------------------------

class Formatter {
  private intMode = true;
  private sciMode = false;
  private maxWidth = 1;

  constructor(
    private readonly floating: boolean,
    private readonly isBool: boolean,
    values: ArrayLike<number>,
  ) {
    if (!floating) {
      for (let i = 0; i < values.length; i++) {
        this.maxWidth = maxOf(this.maxWidth, this.plain(values[i]).length);
      }
      return;
    }
    const finite: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (isFiniteNumber(v) && v !== 0) finite.push(v);
    }
    if (finite.length === 0) return;
    let min = Infinity;
    let max = 0;
    for (const v of finite) {
      const a = abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
      if (v !== ceil(v)) this.intMode = false;
    }
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        for (const v of finite)
          this.maxWidth = maxOf(this.maxWidth, formatExp(v, PRECISION).length);
      } else {
        for (const v of finite) this.maxWidth = maxOf(this.maxWidth, formatFixed(v, 0).length + 1);
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      for (const v of finite) this.maxWidth = maxOf(this.maxWidth, formatExp(v, PRECISION).length);
    } else {
      for (const v of finite)
        this.maxWidth = maxOf(this.maxWidth, formatFixed(v, PRECISION).length);
    }
  }

  private plain(v: number): string {
    return this.isBool ? (v !== 0 ? 'True' : 'False') : String(v);
  }

  width(): number {
    return this.maxWidth;
  }

  format(v: number): string {
    let text: string;
    if (!this.floating) text = this.plain(v);
    else if (this.sciMode) text = formatExp(v, PRECISION);
    else if (this.intMode) text = formatFixed(v, 0) + (isFiniteNumber(v) ? '.' : '');
    else text = formatFixed(v, PRECISION);
    return text.padStart(this.maxWidth, ' ');
  }
}

// ---- layout of the nested brackets ------------------------------------------------------------

/** The values the formatter measures: only the edges when the tensor is summarised. */
function summarisedValues(t: Tensor, summarise: boolean): number[] {
  const out: number[] = [];
  const walk = (x: Tensor) => {
    if (x.dim() === 0) {
      out.push(x.item());
      return;
    }
    const n = x.shape[0];
    const rows =
      summarise && n > 2 * EDGE_ITEMS
        ? [...range(0, EDGE_ITEMS), ...range(n - EDGE_ITEMS, n)]
        : range(0, n);
    for (const i of rows) walk(x.select(0, i));
  };
  walk(t);
  return out;
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(i);
  return out;
}

function vectorText(t: Tensor, indent: number, summarise: boolean, f: Formatter): string {
  const elementLength = f.width() + 2;
  const perLine = maxOf(1, floor((LINE_WIDTH - indent) / elementLength));
  const n = t.shape[0];
  const at = (i: number) => f.format(t.get(i));
  const data =
    summarise && n > 2 * EDGE_ITEMS
      ? [...range(0, EDGE_ITEMS).map(at), ' ...', ...range(n - EDGE_ITEMS, n).map(at)]
      : range(0, n).map(at);
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

function nestedText(t: Tensor, indent: number, summarise: boolean, f: Formatter): string {
  if (t.dim() === 0) return f.format(t.item());
  if (t.dim() === 1) return vectorText(t, indent, summarise, f);
  const n = t.shape[0];
  const sub = (i: number) => nestedText(t.select(0, i), indent + 1, summarise, f);
  const slices =
    summarise && n > 2 * EDGE_ITEMS
      ? [...range(0, EDGE_ITEMS).map(sub), '...', ...range(n - EDGE_ITEMS, n).map(sub)]
      : range(0, n).map(sub);
  return '[' + slices.join(',' + '\n'.repeat(t.dim() - 1) + ' '.repeat(indent + 1)) + ']';
}

function addSuffixes(text: string, suffixes: string[], indent: number): string {
  const parts = [text];
  let lastLineLength = text.length - text.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLength + suffix.length + 2 > LINE_WIDTH) {
      parts.push(',\n' + ' '.repeat(indent) + suffix);
      lastLineLength = indent + suffix.length;
    } else {
      parts.push(', ' + suffix);
      lastLineLength += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/** `tensor([[1., 2.],\n        [3., 4.]])`, exactly as PyTorch prints it. */
export function formatTensor(t: Tensor): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  let body: string;
  // Printing reads elements through views; keep it off the tape and out of countOps.
  const x = t.detach();
  if (x.numel() === 0) {
    if (x.dim() !== 1) suffixes.push(`size=(${x.shape.join(', ')})`);
    if (x.dtype !== 'float32') suffixes.push(`dtype=${torchName(x.dtype)}`);
    body = '[]';
  } else {
    if (x.dtype !== 'float32' && x.dtype !== 'bool') suffixes.push(`dtype=${torchName(x.dtype)}`);
    const summarise = x.numel() > THRESHOLD;
    const f = new Formatter(
      isFloating(x.dtype),
      x.dtype === 'bool',
      summarisedValues(x, summarise),
    );
    body = nestedText(x, indent, summarise, f);
  }
  if (t.gradFn !== null) suffixes.push(`grad_fn=<${t.gradFn.name}>`);
  else if (t.requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + body, suffixes, indent);
}
