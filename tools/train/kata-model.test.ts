import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manualSeed, randn, tensor, type Tensor } from '../../src';
import { checkKataModel } from './kata-check';
import { kataToFinish, KataNotReadyError, loadKataModel, notReadyMessage } from './kata-model';
import { Model as Reference } from '../../solutions/06-module/module';

describe('training with kata 06', () => {
  it('names the kata a `not implemented yet` error points at', () => {
    expect(kataToFinish('not implemented yet: linGrad in katas/05-lin-grad/lin.ts')).toBe(
      '05-lin-grad',
    );
    expect(kataToFinish('something else')).toBe('06-module');
    expect(
      notReadyMessage(new Error('not implemented yet: Lin.forward in katas/06-module/module.ts')),
    ).toMatch(/Finish kata 06-module first: npm run kata -- 06$/);
  });

  it('explains a missing kata file in one line', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-katas-'));
    try {
      expect(() => loadKataModel('katas', empty)).toThrow(KataNotReadyError);
      expect(() => loadKataModel('katas', empty)).toThrow(
        /^cannot load katas\/06-module\/module.ts: [^\n]*$/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  describe('the check against autograd before training', () => {
    manualSeed(5);
    const x = randn(8, 784);
    const targets = tensor([0, 1, 2, 3, 4, 5, 6, 7]);

    it('accepts the reference Model', () => {
      expect(() => checkKataModel(Reference, x, targets, 6)).not.toThrow();
    });

    it('rejects a Model whose backward forgets the 2 of the MSE gradient, naming the weight', () => {
      class ForgetsTheTwo extends Reference {
        override backward(): void {
          super.backward();
          const [first] = this.layers as unknown as { w: Tensor }[];
          first.w.g = first.w.g!.div(2);
        }
      }
      expect(() => checkKataModel(ForgetsTheTwo, x, targets, 6)).toThrow(
        /w1\.g disagrees with autograd/,
      );
    });
  });
});
