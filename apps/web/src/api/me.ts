import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from './client';

export type Me = Schemas['MeView'];
export type Role = Schemas['Role'];

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => unwrap(await api.GET('/api/me')),
    staleTime: 5 * 60_000,
  });
}

/**
 * The server's today (Asia/Shanghai), which the date fields start from: the API judges work by
 * its own clock, and this computer's date may be wrong or in another zone. Undefined until /me
 * has answered.
 */
export function useToday(): Dayjs | undefined {
  const me = useMe();
  return me.data ? dayjs(me.data.today) : undefined;
}

/** What a role may do, as the API's @Roles say; the console hides what the API would refuse. */
export const can = {
  editPlans: (r: Role) => r === 'leadership',
  review: (r: Role) => r === 'leadership',
  fileReports: (r: Role) => r === 'unit',
  readSupervision: (r: Role) => r !== 'unit',
  issueNotices: (r: Role) => r === 'supervisor',
  answerNotices: (r: Role) => r === 'unit',
  annualReport: (r: Role) => r !== 'unit',
  runDigest: (r: Role) => r === 'leadership' || r === 'admin',
  admin: (r: Role) => r === 'admin',
  acknowledge: (r: Role) => r === 'unit',
  requestExtension: (r: Role) => r === 'unit',
  decideExtension: (r: Role) => r === 'leadership',
  chase: (r: Role) => r === 'leadership' || r === 'supervisor',
};
