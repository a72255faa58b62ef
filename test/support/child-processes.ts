// palermo's own entry points (worker/main.ts, api/main.ts) run as real OS processes, so a test can
// kill -9 them. Every process started here is tracked, and killAll() leaves none running.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface PalermoProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<Exit>;
  /** Everything it wrote, for a failing test's message. */
  output(): string;
}

export class ProcessGroup {
  readonly started: PalermoProcess[] = [];

  /**
   * Runs `node --import tsx <script>` (what `npm run worker` / `npm run api` run, without npm and sh in
   * between, so the pid is the palermo process itself) and resolves once a line of its stdout matches.
   */
  async start(name: string, script: string, env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 120_000): Promise<PalermoProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<Exit>((res) => child.once('exit', (code, signal) => res({ code, signal })));
    const proc: PalermoProcess = { name, child, pid: child.pid!, exited, output: () => out };
    this.started.push(proc);
    await new Promise<void>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`${name} not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (ready.test(out)) {
          clearTimeout(timer);
          res();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => void (out += chunk.toString()));
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        rej(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${out}`));
      });
    });
    return proc;
  }

  /** Runs a script to its end (e.g. db/migrate-cli.ts, what `npm run migrate` runs). */
  async run(script: string, env: NodeJS.ProcessEnv): Promise<{ exit: Exit; output: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => void (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => void (output += c.toString()));
    const exit = await new Promise<Exit>((res) => child.once('exit', (code, signal) => res({ code, signal })));
    return { exit, output };
  }

  /** Asks each process still running to stop (SIGTERM), then SIGKILLs what is left after the grace time. */
  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all(
      this.started.map(async (p) => {
        if (!isRunning(p)) return;
        p.child.kill('SIGTERM');
        const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
        await p.exited;
        clearTimeout(timer);
      }),
    );
  }

  /** The last resort, in afterAll: nothing started here outlives the test file. */
  async killAll(): Promise<void> {
    for (const p of this.started) if (isRunning(p)) p.child.kill('SIGKILL');
    await Promise.all(this.started.map((p) => p.exited));
  }
}

export function isRunning(p: PalermoProcess): boolean {
  return p.child.exitCode === null && p.child.signalCode === null;
}

/** True when the OS still knows the pid (signal 0 checks existence and sends nothing). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Tries one fresh connection; returns the error code PostgreSQL's side gave, or 'CONNECTED'. */
export async function probePostgres(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return 'CONNECTED';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? String(err);
  } finally {
    await client.end().catch(() => {});
  }
}
