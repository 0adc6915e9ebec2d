import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

/** The unit directory (every role may read it), for pickers. */
export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: async () =>
      unwrap(await api.GET('/api/units', { params: { query: { pageSize: 500 } } })).items,
    staleTime: 60_000,
  });
}

export function useGroups() {
  return useQuery({
    queryKey: ['groups'],
    queryFn: async () => unwrap(await api.GET('/api/groups')),
    staleTime: 60_000,
  });
}
