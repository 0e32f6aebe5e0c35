/**
 * Stands in for node:fs and node:path in the page. The engine's MNIST file reader imports them, but
 * the page never calls it: the training widget fetches the digits instead.
 */
export default {};
