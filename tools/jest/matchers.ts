// Registers the engine's jest matchers (toBeCloseTensor) for every test file.
import '../../src/testing/matchers';
