/** Types for loop-guard-runtime.js. */
export const LOOP_TIMEOUT_MESSAGE: string;
export function tick(): void;
