export * from './entities';
export { dataSourceOptions, SESSION_OPTIONS } from './data-source-options';
export { SnakeNamingStrategy } from './naming-strategy';
export { DatabaseModule } from './database.module';
export { ReplicaReads } from './replica-reads';
export { PreparedStatements } from './prepared-statements';
export { auditedUpdateStatement, hydrate } from './audited-update';
export type { AuditedUpdateOptions } from './audited-update';
export { IDENTITY_CHANNEL, IDENTITY_LISTENER_NAME, IdentityChannel } from './identity-channel';
export type { IdentityListener } from './identity-channel';
export { runAfterCommit, STALE_VERSION_MESSAGE, Tx, UnitOfWork } from './unit-of-work';
export type { AuditActor, LockOptions, ReadManager } from './unit-of-work';
export {
  duePeriodStart,
  reportFiled,
  reportFrequency,
  reportMissing,
  reportOwed,
} from './sql/reports-due';
export {
  CalendarSource,
  HolidayYearConflict,
  loadHolidayCalendar,
  saveHolidayYear,
  useStoredHolidayCalendar,
} from './holiday-calendars';
export { databaseOutage } from './unavailable';
export type { DatabaseOutage } from './unavailable';
export * from './rules';
