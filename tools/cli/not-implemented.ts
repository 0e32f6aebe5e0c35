/**
 * The words every unfinished stub throws (`not implemented yet: matmul in katas/01-…`). The test
 * helpers in src/testing turn that error into one failure line; the checks look for these words.
 */
export const NOT_IMPLEMENTED_TEXT = 'not implemented yet';
