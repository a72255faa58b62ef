// Cursor connections for every list that grows (issue 11). Pages are keyset pages: the query orders by
// a stable key, asks for rows after the cursor's key and for one row more than the page, so the next
// page costs the same whatever its depth (no OFFSET). A cursor is the key of a page's last row, opaque
// (base64url of JSON). `first` is bounded: above MAX_PAGE it is refused, never silently cut.
import type { ArgBuilder } from '@pothos/core';
import { builder } from '../builder.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
import { ValidationError } from '../errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 100;

export type CursorKey = readonly (string | number | null)[];

export interface PageRequest {
  first: number;
  /** The key of the row the page starts after; null for the first page. */
  after: CursorKey | null;
}

export interface Page<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount?: number | (() => Promise<number>);
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key a cursor names, with the length and element types the list expects; a ValidationError naming `after` otherwise. */
export function decodeCursor(cursor: string, shape: readonly ('string' | 'number' | 'nullableString')[]): CursorKey {
  const refuse = (why: string) => new ValidationError([{ field: 'after', message: `not a cursor of this list (${why}); use an endCursor it gave` }]);
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse('malformed');
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('malformed');
  }
  if (!Array.isArray(key) || key.length !== shape.length) throw refuse('wrong shape');
  key.forEach((v, i) => {
    const want = shape[i]!;
    // A string that could not be stored (a NUL, a lone surrogate) was never a key: refused before SQL.
    const text = (x: unknown) => typeof x === 'string' && x.length <= 300 && !x.includes('\u0000') && !LONE_SURROGATE.test(x);
    const ok = want === 'number' ? typeof v === 'number' && Number.isFinite(v) : want === 'string' ? text(v) : v === null || text(v);
    if (!ok) throw refuse('wrong shape');
  });
  return key as CursorKey;
}

/** `first` and `after` of a connection field, checked: first is 1..MAX_PAGE (DEFAULT_PAGE when absent). */
export function pageRequest(args: { first?: number | null; after?: string | null }, cursorShape: readonly ('string' | 'number' | 'nullableString')[]): PageRequest {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new ValidationError([{ field: 'first', message: `must be between 1 and ${MAX_PAGE} (asked ${first}); page on with after: endCursor` }]);
  }
  return { first, after: args.after == null ? null : decodeCursor(args.after, cursorShape) };
}

/** A page from rows fetched with LIMIT first + 1: the extra row only says that there is a next page. */
export function pageOf<R, N = R>(rows: readonly R[], request: PageRequest, keyOf: (row: R) => CursorKey, nodeOf: (row: R) => N = (r) => r as unknown as N, totalCount?: () => Promise<number>): Page<N> {
  const hasNextPage = rows.length > request.first;
  const kept = hasNextPage ? rows.slice(0, request.first) : rows;
  const edges = kept.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: request.after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    ...(totalCount ? { totalCount } : {}),
  };
}

/** The page arguments every connection field takes (forward paging only: `first` and `after`). */
export const pageArgs = (t: { arg: ArgBuilder<Types> }) => ({
  first: t.arg.int({ required: false, description: `Page size, 1..${MAX_PAGE} (default ${DEFAULT_PAGE}); more is a ValidationError naming first` }),
  after: t.arg.string({ required: false, description: 'The endCursor of the previous page' }),
});

/**
 * A connection type (Name + 'Connection', its edge Name + 'Edge') with totalCount when the list can count
 * cheaply. Built with the relay plugin's connectionObject so PageInfo is the one relay type.
 */
export function connectionOf<T extends Parameters<typeof builder.connectionObject>[0]['type']>(name: string, type: T, options: { totalCount?: boolean } = {}) {
  return builder.connectionObject(
    {
      name: `${name}Connection`,
      type,
      fields: (t: any) =>
        options.totalCount
          ? {
              totalCount: t.int({
                description: 'How many items the whole list holds with these filters (counted on demand)',
                resolve: async (c: Page<unknown>) => (typeof c.totalCount === 'function' ? c.totalCount() : (c.totalCount ?? 0)),
              }),
            }
          : {},
    } as any,
    { name: `${name}Edge` } as any,
  );
}
