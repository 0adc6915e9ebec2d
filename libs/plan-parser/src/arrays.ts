/**
 * Appends without spreading into call arguments: `a.push(...b)` overflows the call stack once
 * b holds some hundred thousand elements, which a hostile 10 MB text can produce.
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
