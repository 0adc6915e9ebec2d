import { useQuery } from '@tanstack/react-query';
import { api, everyPage, unwrap } from './client';

/** The unit directory (every role may read it), for pickers. */
export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: async () =>
      everyPage(async (query) => unwrap(await api.GET('/api/units', { params: { query } }))),
    staleTime: 60_000,
  });
}

export function useGroups() {
  return useQuery({
    queryKey: ['groups'],
    queryFn: () =>
      everyPage(async (query) => unwrap(await api.GET('/api/groups', { params: { query } }))),
    staleTime: 60_000,
  });
}
