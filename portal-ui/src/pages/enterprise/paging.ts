import { useState } from 'react';

/**
 * One page of a list the service answers whole (an enterprise has few memberships, applications and standards), for
 * `<Pagination>` like the service's own page views.
 */
export function useClientPage<T>(items: T[] | undefined, size = 10) {
  const [page, setPage] = useState(0);
  const all = items ?? [];
  return { page, setPage, shown: all.slice(page * size, (page + 1) * size), totalPages: Math.ceil(all.length / size) };
}
