/**
 * Serves the `mnist` package's 10,000 digits to the training widget as one compact file,
 * `mnist-digits.bin`: 10,000 label bytes, then 10,000 x 784 pixel bytes (intensity x 255). The
 * package's JSON is about 25 MB; the bytes are 7.9 MB and need no parsing in the browser.
 */
import type { Plugin } from 'vite';
import { readMnistFiles } from '../src';

export const MNIST_FILE = 'mnist-digits.bin';

export function mnistBytes(): Uint8Array {
  const { pixels, labels } = readMnistFiles();
  const out = new Uint8Array(labels.length + pixels.length);
  out.set(labels, 0);
  // The package writes each pixel as byte / 255 to three decimals; rounding recovers the byte.
  for (let i = 0; i < pixels.length; i++) out[labels.length + i] = Math.round(pixels[i] * 255);
  return out;
}

export function mnistDigits(): Plugin {
  let bytes: Uint8Array | undefined;
  const get = (): Uint8Array => (bytes ??= mnistBytes());
  return {
    name: 'mnist-digits',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `/${MNIST_FILE}`) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(Buffer.from(get()));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MNIST_FILE, source: get() });
    },
  };
}
