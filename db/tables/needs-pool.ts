// Tables of the needs pool, priorities, imports and re-prioritisation snapshots.
// Created by db/migrations/0004_needs_pool.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NeedsPoolTables {}
