/** Types for kata-sequencer.js (a jest testSequencer, plain CommonJS). */
declare class KataSequencer {
  static orderKataTests<T extends { path: string }>(tests: T[]): T[];
}
export = KataSequencer;
