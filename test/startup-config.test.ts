// The processes themselves refuse a half-configured environment, naming what is missing, before they
// start or connect to anything.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function run(script: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((done, fail) => {
    // Only what we pass: never this test process's own TEMPORAL_ADDRESS or secrets.
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.resume();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${script} did not exit within 60 s; stderr: ${stderr}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr, ms: Date.now() - started });
    });
  });
}

const SECRET = 'a-secret-long-enough-for-hs256-tokens-0123456789';

describe('refusing to start half-configured', () => {
  it('npm run api: only TEMPORAL_ADDRESS set, and no way to verify tokens', async () => {
    const { code, stderr } = await run('api/main.ts', { TEMPORAL_ADDRESS: '127.0.0.1:7233' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/TEMPORAL_ADDRESS is set but DATABASE_URL is not/);
    expect(stderr).toMatch(/needs PALERMO_JWT_SECRET .* or PALERMO_OIDC_ISSUER and PALERMO_OIDC_AUDIENCE/);
  });

  it('npm run api: a secret shorter than 32 bytes', async () => {
    const { code, stderr } = await run('api/main.ts', { TEMPORAL_ADDRESS: '127.0.0.1:7233', DATABASE_URL: 'postgres://127.0.0.1:1/palermo', PALERMO_JWT_SECRET: 'short-secret' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/PALERMO_JWT_SECRET must be at least 32 bytes/);
  });

  it('npm run api: an OpenID provider that cannot be reached', async () => {
    const { code, stderr } = await run('api/main.ts', { TEMPORAL_ADDRESS: '127.0.0.1:7233', DATABASE_URL: 'postgres://127.0.0.1:1/palermo', PALERMO_OIDC_ISSUER: 'http://127.0.0.1:1/realms/palermo', PALERMO_OIDC_AUDIENCE: 'palermo-api' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/OpenID discovery at http:\/\/127\.0\.0\.1:1\/realms\/palermo\/\.well-known\/openid-configuration failed/);
  });

  it('npm run worker: only DATABASE_URL set', async () => {
    const { code, stderr } = await run('worker/main.ts', { DATABASE_URL: 'postgres://127.0.0.1:1/palermo' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DATABASE_URL is set but TEMPORAL_ADDRESS is not/);
  });

  it('npm start: only DATABASE_URL set starts nothing embedded, dev secret included', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'palermo-start-')), 'data');
    try {
      const { code, stderr } = await run('scripts/start.ts', { DATABASE_URL: 'postgres://127.0.0.1:1/palermo', PALERMO_DATA_DIR: dataDir, PALERMO_JWT_SECRET: SECRET });
      expect(code).toBe(1);
      expect(stderr).toMatch(/DATABASE_URL is set but TEMPORAL_ADDRESS is not: set both for a real deployment, or neither for the embedded default/);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
    }
  });

  it('npm start: a short secret even for the embedded default', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'palermo-start-')), 'data');
    try {
      const { code, stderr } = await run('scripts/start.ts', { PALERMO_DATA_DIR: dataDir, PALERMO_JWT_SECRET: 'changeme' });
      expect(code).toBe(1);
      expect(stderr).toMatch(/PALERMO_JWT_SECRET must be at least 32 bytes/);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
    }
  });
});
