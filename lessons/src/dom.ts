/** Small DOM helpers shared by the widgets. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/** A labelled text field. */
export function field(label: string, name: string, value: string): HTMLLabelElement {
  return el('label', { class: 'field' }, `${label} `, el('input', { name, value, size: '10' }));
}

export function input(root: HTMLElement, name: string): HTMLInputElement {
  return root.querySelector(`[name="${name}"]`) as HTMLInputElement;
}

/** "3, 4" or "[3, 4]" to [3, 4]; "" to [] (a 0-d shape). Throws on anything that is not an integer. */
export function parseInts(text: string): number[] {
  const body = text
    .trim()
    .replace(/^[[(]|[\])]$/g, '')
    .trim();
  if (body === '') return [];
  return body.split(',').map((part) => {
    const n = Number(part.trim());
    if (part.trim() === '' || !Number.isInteger(n))
      throw new Error(`"${part.trim()}" is not an integer`);
    return n;
  });
}

export function widgetHeader(root: HTMLElement, title: string, blurb: string): void {
  root.append(
    el('h4', { class: 'widget-title', text: title }),
    el('p', { class: 'widget-blurb', text: blurb }),
  );
}

/** Runs fn, showing its error (the engine's own message) in `target`; returns undefined on error. */
export function showingErrors<T>(target: HTMLElement, fn: () => T): T | undefined {
  try {
    const result = fn();
    target.textContent = '';
    target.hidden = true;
    return result;
  } catch (error) {
    target.textContent = error instanceof Error ? error.message : String(error);
    target.hidden = false;
    return undefined;
  }
}

/** A colour for v on a blue (negative) / white / red (positive) scale, |v| <= scale. */
export function diverging(v: number, scale: number): string {
  if (!Number.isFinite(v)) return '#999';
  const t = Math.max(-1, Math.min(1, scale === 0 ? 0 : v / scale));
  const fade = Math.round(255 * (1 - Math.abs(t)));
  return t >= 0 ? `rgb(255, ${fade}, ${fade})` : `rgb(${fade}, ${fade}, 255)`;
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/** Calls fn once, the first time node is on screen: heavy widgets do not slow the page's loading. */
export function whenVisible(node: HTMLElement, fn: () => void): void {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    fn();
  });
  observer.observe(node);
}

/** Vega and Vega-Lite load with the first chart, so pages without one stay light. */
export const charts = (): Promise<typeof import('./chart')> => import('./chart');
