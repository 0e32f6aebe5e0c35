import { defaultConfig, refuseIgnored, validateConfig } from './config';

describe('refuseIgnored', () => {
  it('refuses engine-only settings for the kata models, naming each flag', () => {
    expect(() => refuseIgnored('katas', ['momentum'])).toThrow(
      '--momentum is for --model engine only: the kata models train with plain SGD, as the lesson does',
    );
    expect(() => refuseIgnored('solutions', ['lr', 'momentum', 'weightDecay'])).toThrow(
      /^--momentum and --weight-decay are for --model engine only/,
    );
  });

  it('accepts them for the engine, and the shared settings for every model', () => {
    expect(() => refuseIgnored('engine', ['momentum', 'weightDecay'])).not.toThrow();
    expect(() => refuseIgnored('katas', ['lr', 'epochs', 'hidden', 'seed'])).not.toThrow();
  });
});

describe('validateConfig', () => {
  it('names the bad setting as a flag', () => {
    expect(() => validateConfig({ ...defaultConfig('katas'), epochs: 0 })).toThrow(
      '--epochs must be a positive integer, got 0',
    );
  });
});
