export { composeAlert, composeDigest } from './compose';
export type { Email } from './compose';
export { owedWork } from './owed-work';
export { digestAddresses, recipientsByUnit, supervisionAddresses } from './recipients';
export type { DigestAddresses } from './recipients';
export { alertReason, needsEscalation, owesAnything } from './rules';
export type { AlertReason, AwaitedNotice, MissingReport, OwedAssignment, OwedWork } from './rules';
export { dueDigestSlot } from './schedule';
export type { DigestSlot } from './schedule';
