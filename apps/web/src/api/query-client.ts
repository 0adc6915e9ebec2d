import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';

/** The one query cache: the API client reaches it too (a refusal may mean /me has changed). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip may.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
