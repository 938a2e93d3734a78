import { useState } from "react";

/**
 * Where the Files table is in a keyset-paged list: the cursor of each page
 * visited so far (page 1 has none), so Previous needs no second kind of
 * cursor. New filters start again at page 1.
 */
export function useFilePages(filtersKey: string) {
  const [state, setState] = useState({ filtersKey, cursors: [null] as (string | null)[] });
  const cursors = state.filtersKey === filtersKey ? state.cursors : [null];
  const index = cursors.length - 1;
  return {
    index,
    cursor: cursors[index] ?? null,
    next: (cursor: string) => setState({ filtersKey, cursors: [...cursors, cursor] }),
    previous: () => setState({ filtersKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
    first: () => setState({ filtersKey, cursors: [null] }),
  };
}
