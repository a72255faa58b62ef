// Values that are costly to build and never change once built (zod schemas): built once per process, or
// once per worker thread for every workflow it runs. The worker shares this module between workflows
// (worker/create-worker.ts, SHARED_WORKFLOW_MODULES); the schema modules are still evaluated per workflow,
// but find their schemas here instead of building them again (~20 ms of CPU per workflow started).
// Only values that hold no per-workflow state belong here, built by code that reads neither the clock nor
// randomness: what one workflow builds, another uses.
const built = new Map<string, unknown>();

/** The value built under `key` (unique: module and name), building it on first use. */
export function builtOnce<T>(key: string, build: () => T): T {
  if (built.has(key)) return built.get(key) as T;
  const value = build();
  built.set(key, value);
  return value;
}
