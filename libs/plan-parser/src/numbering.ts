import { toChineseNumeral } from './numerals';
import type { DraftNode, DraftSection } from './outline';
import type { Warnings } from './warnings';

/**
 * Sections count 一、二、三…; items either run straight through the chapters (the seed) or start
 * again in each chapter; tasks start again in each item. Anything else is worth a look.
 */
export function checkNumbering(sections: DraftSection[], warnings: Warnings): void {
  const real = sections.filter((s) => s.number > 0);
  real.forEach((s, i) => {
    const expected = i === 0 ? 1 : real[i - 1].number + 1;
    if (s.number !== expected) {
      warnings.add(
        'NUMBERING',
        s.line,
        `${s.numberText}、${s.heading}`,
        `章节编号不连续：应为“${toChineseNumeral(expected)}”，实际为“${s.numberText}”`,
      );
    }
  });
  const restart = sections.filter((s) => s.items.length > 0)[1]?.items[0]?.number === 1;
  let previous = 0;
  for (const s of sections) {
    if (restart) previous = 0;
    for (const item of s.items) {
      checkSequence(item, previous + 1, '条目', warnings);
      previous = item.number;
      item.tasks.forEach((t, i) =>
        checkSequence(t, i === 0 ? 1 : item.tasks[i - 1].number + 1, '措施', warnings),
      );
    }
  }
}

function checkSequence(node: DraftNode, expected: number, what: string, warnings: Warnings): void {
  if (node.number === expected) return;
  warnings.add(
    'NUMBERING',
    node.line,
    node.heading,
    `${what}编号不连续：应为${expected}(${toChineseNumeral(expected)})，实际为“${node.numberText}”`,
  );
}
