/**
 * mulberry32: a small seeded generator, so a test's random sequence is the same on every run
 * (a failure names its seed and step, and happens again).
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}

export type Rng = ReturnType<typeof seededRandom>;

/**
 * Assignments (alias `a`) in the order of what they are, item number then unit name, never of
 * their random ids: a seeded pick from them is the same row on every run.
 */
export const ASSIGNMENTS_BY_CONTENT =
  'a.item_number, (SELECT u.name FROM units u WHERE u.id = a.unit_id)';
