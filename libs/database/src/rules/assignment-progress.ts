import { AssignmentStatus } from '../entities/enums';

/**
 * The assignment's status once the leadership office accepts a report with `percent`: work that
 * had not started and now reports progress is in progress (never 未开始 at 80 %). Other statuses
 * stay as they are (submitted, returned and completed work move only by their own steps).
 */
export function statusAfterAcceptedReport(
  status: AssignmentStatus,
  percent: number,
): AssignmentStatus {
  return status === AssignmentStatus.NotStarted && percent > 0
    ? AssignmentStatus.InProgress
    : status;
}
