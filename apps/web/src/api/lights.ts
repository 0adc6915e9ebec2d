import { useQuery } from '@tanstack/react-query';
import type { Level } from '../components/Light';
import { api, unwrap } from './client';
import type { Role } from './me';

/**
 * Each assignment's light in a plan, as the API judges it: the supervision office's warnings
 * for the offices, the unit's own to-do for a unit (which sees only its own work). Work not
 * listed as red or yellow is green.
 */
export function usePlanLights(planId: string | undefined, role: Role | undefined) {
  return useQuery({
    queryKey: ['lights', planId, role],
    enabled: !!planId && !!role,
    queryFn: async (): Promise<Map<string, Level>> => {
      if (role === 'unit') {
        const todo = unwrap(await api.GET('/api/me/todo'));
        return new Map(
          (todo.unit?.assignments ?? [])
            .filter((a) => a.planId === planId)
            .map((a) => [a.assignmentId, a.level]),
        );
      }
      const page = unwrap(
        await api.GET('/api/supervision/warnings', {
          params: { query: { planId, pageSize: 500 } },
        }),
      );
      return new Map(page.items.map((w) => [w.assignmentId, w.level]));
    },
  });
}
