import type { Warnings } from '../warnings';
import { isKnownGroup } from './groups';
import { endsWithUnitSuffix } from './names';
import type { ListedUnit } from './unit-list';

/** A town or subdistrict named alone (后谢镇, 漳江街道): a unit without a unit word. */
const PLACE_UNIT = /^[\u4e00-\u9fa5]{1,6}(?:镇|乡|街道|苏木)$/;
/** Words that end in 乡 without naming one: 城乡, 送法下乡, 返乡. */
const NOT_A_PLACE = /(?:城乡|下乡|返乡|回乡|家乡|进乡|故乡)$/;
const isPlaceName = (name: string) => PLACE_UNIT.test(name) && !NOT_A_PLACE.test(name);

/** Repaired and unknown group phrases, said once per phrase with a count instead of per item. */
export class UnitNotes {
  private readonly repaired = new Map<string, { line: number; name: string; count: number }>();
  private readonly unknownGroups = new Map<string, { line: number; count: number }>();
  private readonly unsplit = new Map<string, { line: number; count: number }>();

  add(units: ListedUnit[], line: number): void {
    for (const u of units) {
      if (u.group && u.raw !== u.name) {
        const seen = this.repaired.get(u.raw) ?? { line, name: u.name, count: 0 };
        seen.count++;
        this.repaired.set(u.raw, seen);
      }
      if (!u.group && !endsWithUnitSuffix(u.name) && !isPlaceName(u.name)) {
        const seen = this.unsplit.get(u.name) ?? { line, count: 0 };
        seen.count++;
        this.unsplit.set(u.name, seen);
      }
      if (u.group && !isKnownGroup(u.name)) {
        const seen = this.unknownGroups.get(u.name) ?? { line, count: 0 };
        seen.count++;
        this.unknownGroups.set(u.name, seen);
      }
    }
  }

  report(warnings: Warnings): void {
    for (const [raw, { line, name, count }] of this.repaired) {
      warnings.add('GROUP_REPAIRED', line, raw, `“${raw}”缺字，已按“${name}”处理(共${count}处)`);
    }
    for (const [name, { line, count }] of this.unknownGroups) {
      warnings.add(
        'UNKNOWN_GROUP',
        line,
        name,
        `未识别的单位群组“${name}”(共${count}处)，请确认它包括哪些单位`,
      );
    }
    for (const [name, { line, count }] of this.unsplit) {
      warnings.add(
        'UNIT_NOT_SPLIT',
        line,
        name,
        `“${name}”不像一个单位名称(共${count}处)，可能是几个单位连写或不是单位，请核对`,
      );
    }
  }
}
