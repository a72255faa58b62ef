// Every list the API pages (relay connections: first/after, pageInfo { hasNextPage endCursor }) is read
// through this hook: the first page is an ordinary urql query (so the document cache refreshes it after a
// mutation), later pages are asked for on request ("Show more") after the last page's endCursor and
// appended. Changing the variables (a filter) starts again from the first page; when the first page is
// read anew (a refetch, a mutation elsewhere), the pages already shown are read again after it, so a
// row on page three never stays stale.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, useQuery, type AnyVariables, type RequestPolicy, type TypedDocumentNode } from 'urql';

export interface Connection<N> {
  edges: readonly { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount?: number | null;
}

export interface Pages<N> {
  /** Every node of the pages loaded so far, in the list's order (a node met twice is kept once). */
  nodes: N[];
  /** The whole list's size when the connection gives it. */
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | null;
  /** How many pages beyond the first are shown. */
  extraPages: number;
  loadMore: () => Promise<void>;
  /** Reads the first page again from the network (the later pages follow). */
  reload: () => void;
}

const NO_PAGES: never[] = [];

type PageVariables = { first?: number | null; after?: string | null };

/** The refusal's message when the answer is an error member of the field's union. */
function refusalOf(data: unknown): string | null {
  const field = data && typeof data === 'object' ? Object.values(data)[0] : null;
  return field && typeof field === 'object' && 'message' in field && typeof field.message === 'string' ? field.message : null;
}

export function usePages<Data, Vars extends AnyVariables & PageVariables, N>(options: {
  query: TypedDocumentNode<Data, Vars>;
  variables: Omit<Vars, 'first' | 'after'>;
  pageSize: number;
  connection: (data: Data) => Connection<N> | null | undefined;
  requestPolicy?: RequestPolicy;
  pause?: boolean;
  keyOf?: (node: NoInfer<N>) => string;
}) {
  const { query, variables, pageSize, connection, requestPolicy, pause } = options;
  const client = useClient();
  const firstVariables = { ...variables, first: pageSize } as unknown as Vars;
  const variablesKey = JSON.stringify(firstVariables);
  const [result, refetch] = useQuery({ query, variables: firstVariables, ...(requestPolicy ? { requestPolicy } : {}), ...(pause !== undefined ? { pause } : {}) });
  const first = result.data ? (connection(result.data) ?? null) : null;
  const [later, setLater] = useState<{ key: string; base: Connection<N> | null; pages: Connection<N>[] }>({ key: variablesKey, base: null, pages: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const pages = later.key === variablesKey ? later.pages : NO_PAGES;

  const pageAfter = useCallback(
    async (cursor: string | null | undefined): Promise<{ page: Connection<N> } | { error: string }> => {
      const answer = await client.query(query, { ...variables, first: pageSize, after: cursor ?? null } as unknown as Vars, { requestPolicy: 'network-only' }).toPromise();
      const page = answer.data ? connection(answer.data) : null;
      return page ? { page } : { error: answer.error?.message ?? refusalOf(answer.data) ?? 'no answer' };
    },
    // The variables are compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, query, variablesKey, pageSize],
  );

  // The first page was read anew: read the pages shown after it again, as many as were shown.
  useEffect(() => {
    if (!first || later.key !== variablesKey || later.pages.length === 0 || later.base === first) return;
    let current = true;
    void (async () => {
      const pagesAgain: Connection<N>[] = [];
      let from: Connection<N> = first;
      while (pagesAgain.length < later.pages.length && from.pageInfo.hasNextPage) {
        const answer = await pageAfter(from.pageInfo.endCursor);
        if ('error' in answer) break;
        pagesAgain.push(answer.page);
        from = answer.page;
      }
      if (current) setLater({ key: variablesKey, base: first, pages: pagesAgain });
    })();
    return () => {
      current = false;
    };
  }, [first, later, variablesKey, pageAfter]);

  const last = pages.at(-1) ?? first;
  const hasMore = Boolean(last?.pageInfo.hasNextPage);

  const loadMore = useCallback(async () => {
    if (!last?.pageInfo.hasNextPage || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    const answer = await pageAfter(last.pageInfo.endCursor);
    setLoadingMore(false);
    if ('error' in answer) setMoreError(answer.error);
    else setLater({ key: variablesKey, base: first, pages: [...pages, answer.page] });
  }, [last, loadingMore, pageAfter, variablesKey, first, pages]);

  const keyOf = options.keyOf ?? ((n: N) => String((n as { id?: unknown }).id ?? JSON.stringify(n)));
  // Memoised on the pages themselves: a fresh array each render would redraw every chart fed from it.
  const nodes = useMemo(() => {
    const seen = new Set<string>();
    const all: N[] = [];
    for (const page of first ? [first, ...pages] : []) {
      for (const { node } of page.edges) {
        const key = keyOf(node);
        if (seen.has(key)) continue;
        seen.add(key);
        all.push(node);
      }
    }
    return all;
    // keyOf is a function of the node alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first, pages]);
  const pagesState: Pages<N> = {
    nodes,
    total: first?.totalCount ?? null,
    hasMore,
    loadingMore,
    moreError,
    extraPages: pages.length,
    loadMore,
    reload: () => refetch({ requestPolicy: 'network-only' }),
  };
  return { ...result, pages: pagesState };
}
