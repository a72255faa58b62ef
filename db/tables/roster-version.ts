// The roster's version (db/migrations/0080_roster_version.ts): one row, bumped by every change matching reads.
export interface RosterVersionTable {
  id: boolean;
  version: number;
}

export interface RosterVersionTables {
  roster_version: RosterVersionTable;
}
