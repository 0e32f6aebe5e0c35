/**
 * The environment that points the tests at the reference answers instead of the learner's stubs.
 * jest.config.ts maps `@kata/*` to solutions/ when KATA_SOURCE=solutions, to katas/ otherwise.
 */
export function kataSourceEnv(useSolutions: boolean): Record<string, string | undefined> {
  return useSolutions ? { KATA_SOURCE: 'solutions' } : {};
}
