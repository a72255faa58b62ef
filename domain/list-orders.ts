// Sort orders of the paged lists (GraphQL enums built from these tuples). Each order is a keyset order:
// a stable key that ends in the id, so a cursor names one place in the list.

/** projects: newest filed first (the default), oldest filed first, most recently changed first. */
export const PROJECT_ORDERS = ['FILED_AT_DESC', 'FILED_AT_ASC', 'UPDATED_AT_DESC'] as const;
export type ProjectOrder = (typeof PROJECT_ORDERS)[number];
