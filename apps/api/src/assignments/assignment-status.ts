import { AssignmentStatus as S, Role } from '@app/database';

/**
 * Who may move an assignment from one status to another. A unit reports its own work
 * (started, done); only the leadership office accepts or returns it, or reopens completed work.
 */
const TRANSITIONS: Record<S, Partial<Record<S, Role[]>>> = {
  [S.NotStarted]: {
    [S.InProgress]: [Role.Unit, Role.Leadership],
    [S.Submitted]: [Role.Unit, Role.Leadership],
  },
  [S.InProgress]: {
    [S.Submitted]: [Role.Unit, Role.Leadership],
    [S.NotStarted]: [Role.Leadership],
  },
  [S.Submitted]: {
    [S.Completed]: [Role.Leadership],
    [S.Returned]: [Role.Leadership],
    [S.InProgress]: [Role.Unit],
  },
  [S.Returned]: {
    [S.InProgress]: [Role.Unit, Role.Leadership],
    [S.Submitted]: [Role.Unit, Role.Leadership],
  },
  [S.Completed]: { [S.InProgress]: [Role.Leadership] },
};

export function allowedTransitions(from: S, role: Role): S[] {
  return (Object.entries(TRANSITIONS[from]) as [S, Role[]][])
    .filter(([, roles]) => roles.includes(role))
    .map(([to]) => to);
}

/** The statuses `role` may move to `to` from: the same rule, read from the other end. */
export function statusesMovingTo(to: S, role: Role): S[] {
  return (Object.keys(TRANSITIONS) as S[]).filter((from) =>
    allowedTransitions(from, role).includes(to),
  );
}

/** The words for a status, from the one list in libs/database. */
export { ASSIGNMENT_STATUS_LABEL as STATUS_LABEL } from '@app/database';
