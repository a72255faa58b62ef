// Live project changes for this API process: one dedicated PostgreSQL connection LISTENs on the channel the
// projects table's trigger NOTIFYs (db/migrations/0090_project_change_notify.ts) and fans each change out to
// the subscribers of that project. A change made through any API process, or by the worker's timers, reaches
// every process's subscribers. A lost connection is reopened (with backoff); subscribers then get each of
// their projects' current stage once, so a change during the outage is not missed.
import pg from 'pg';

export const PROJECT_CHANGED_CHANNEL = 'palermo_project_changed';

export interface ProjectChange {
  projectId: string;
  stage: string;
  /** The last projected event's seq. */
  seq: number;
}

/** One subscriber's changes, buffered from the moment it subscribed, so none is lost before it reads. */
export interface ChangeStream extends AsyncIterableIterator<ProjectChange> {
  close(): void;
}

export interface ProjectChangesOptions {
  /** First delay before reconnecting; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  log?: (message: string) => void;
}

export class ProjectChanges {
  private readonly subscribers = new Map<string, Set<{ push: (c: ProjectChange) => void; close: () => void }>>();
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs: number;
  private timer: NodeJS.Timeout | null = null;
  private listening: Promise<void> | null = null;
  /** How many times the connection was (re)opened and LISTENs; for tests and the log. */
  connections = 0;

  constructor(
    private readonly connectionString: string,
    private readonly options: ProjectChangesOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 500;
  }

  /** Opens the connection and LISTENs; resolves once listening (retries in the background if it cannot). */
  start(): Promise<void> {
    this.listening ??= this.connect().catch((err) => {
      this.lost(err);
    });
    return this.listening;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'palermo-api-listen' });
    client.on('notification', (n) => {
      if (n.channel !== PROJECT_CHANGED_CHANNEL || !n.payload) return;
      try {
        this.publish(JSON.parse(n.payload) as ProjectChange);
      } catch {
        this.options.log?.(`palermo api: ignored a malformed ${PROJECT_CHANGED_CHANNEL} payload`);
      }
    });
    client.on('error', (err) => this.lost(err, client));
    client.on('end', () => this.lost(new Error('connection ended'), client));
    await client.connect();
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    await client.query(`LISTEN ${PROJECT_CHANGED_CHANNEL}`);
    this.client = client;
    this.connections += 1;
    this.retryMs = this.options.retryMs ?? 500;
    if (this.connections > 1) await this.resync(client);
  }

  /** After a reconnection: each subscribed project's current stage, once (what changed meanwhile). */
  private async resync(client: pg.Client) {
    const ids = [...this.subscribers.keys()];
    if (!ids.length) return;
    const { rows } = await client.query<{ id: string; stage: string; last_event_seq: number }>('select id, stage, last_event_seq from projects where id = any($1)', [ids]);
    for (const r of rows) this.publish({ projectId: r.id, stage: r.stage, seq: r.last_event_seq });
  }

  private lost(err: unknown, client?: pg.Client) {
    if (client && client !== this.client && this.client !== null) return; // an old connection's late event
    if (this.stopped || this.timer) return;
    this.client = null;
    client?.removeAllListeners('notification');
    client?.end().catch(() => undefined);
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 10_000);
    this.options.log?.(`palermo api: live updates lost PostgreSQL (${err instanceof Error ? err.message : String(err)}); reconnecting in ${wait} ms`);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect().catch((e) => this.lost(e));
    }, wait);
    this.timer.unref();
  }

  private publish(change: ProjectChange) {
    for (const s of this.subscribers.get(change.projectId) ?? []) s.push(change);
  }

  /** The changes of one project from now on, until close() (or return() by for-await). */
  subscribe(projectId: string): ChangeStream {
    const queue: ProjectChange[] = [];
    let wake: ((r: IteratorResult<ProjectChange>) => void) | null = null;
    let closed = false;
    const push = (c: ProjectChange) => {
      if (wake) {
        const w = wake;
        wake = null;
        w({ value: c, done: false });
      } else queue.push(c);
    };
    const set = this.subscribers.get(projectId) ?? new Set();
    const close = () => {
      if (closed) return;
      closed = true;
      set.delete(entry);
      if (set.size === 0 && this.subscribers.get(projectId) === set) this.subscribers.delete(projectId);
      wake?.({ value: undefined, done: true });
      wake = null;
    };
    const entry = { push, close };
    set.add(entry);
    this.subscribers.set(projectId, set);
    const stream: ChangeStream = {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
        if (closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (wake = resolve));
      },
      return: () => {
        close();
        return Promise.resolve({ value: undefined, done: true });
      },
      close,
      [Symbol.asyncIterator]: () => stream,
    };
    return stream;
  }

  /** Subscribers now, by project (for tests and diagnostics). */
  subscriberCount(projectId: string): number {
    return this.subscribers.get(projectId)?.size ?? 0;
  }

  /** Closes the connection and every stream. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const set of [...this.subscribers.values()]) for (const s of [...set]) s.close();
    this.subscribers.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
