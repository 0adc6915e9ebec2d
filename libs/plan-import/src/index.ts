export { commitPlanImport } from './commit';
export type { CommitOptions, ImportSummary } from './commit';
export { guessUnitKind, ImportDecisionError } from './decisions';
export type { UnitDecision } from './decisions';
export { loadDirectory } from './directory';
export { needsDecision, resolveUnits } from './resolution';
export type { UnitResolution } from './resolution';
