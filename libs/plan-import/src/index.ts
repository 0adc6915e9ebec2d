export { commitPlanImport, importPlanText } from './commit';
export type { CommitOptions, ImportSummary } from './commit';
export { guessUnitKind, ImportDecisionError } from './decisions';
export type { UnitDecision } from './decisions';
export { loadDirectory } from './directory';
export { findGaps } from './gaps';
export type { GapField, ImportGap, PlanOverrides } from './gaps';
export {
  describeResolutions,
  GROUP_CONFIRM_ABOVE,
  needsDecision,
  resolveUnits,
} from './resolution';
export type { UnitResolution } from './resolution';
export type { AliasAdded } from './targets';
export type { KeptEdit } from './written';
export {
  decodeText,
  type PlanDocument,
  type PlanSource,
  readPlanFile,
  readPlanText,
  renderPlanSource,
} from './source/plan-file';
export { PlanFileError } from './source/plan-file-error';
export {
  COLUMN_KIND_LABEL,
  COLUMN_KINDS,
  type ColumnOverride,
  type SourceTable,
  type TableColumn,
  type TableColumnKind,
} from './source/table-model';
