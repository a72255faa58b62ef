// Tables of the expert roster and matching. Created by db/migrations/0003_roster.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RosterTables {}
