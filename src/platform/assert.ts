// Assertions mark programmer errors: they become a logged 500, never a business answer.
export class AssertionFailed extends Error {
  override name = 'AssertionFailed';
}

/** Throws AssertionFailed when the condition does not hold. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionFailed(message);
}
