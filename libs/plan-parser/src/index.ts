export { parsePlan } from './parse-plan';
export {
  carryDown,
  classifyColumns,
  columnKindOf,
  findTextTable,
  headerName,
  isNoneCell,
  type Column,
  type ColumnKind,
} from './table';
export { matchUnits } from './matching';
export { collectUnitNames, collectUnits, type CollectedUnit } from './collect';
export {
  MAX_PLAN_ITEMS,
  MAX_PLAN_TEXT_LENGTH,
  PlanParseError,
  type PlanParseErrorCode,
} from './errors';
export { parseChineseNumeral, toChineseNumeral } from './numerals';
export type {
  DeadlineKind,
  Item,
  ItemDeadline,
  OtherDate,
  MatchKind,
  Paragraph,
  ParseOptions,
  ParseResult,
  ParseWarning,
  PlanMeta,
  Section,
  Task,
  UnitDirectoryEntry,
  UnitMatch,
  UnitRef,
  UnitRole,
  WarningCode,
} from './types';
