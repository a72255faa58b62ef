// Configuration of the API edge and of token verification, read from the environment, and the checks
// that keep a half-configured deployment from starting. Pure: every function takes the environment.
import { ROLES, isRole, type Role } from '../domain/roles.js';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, MIN_SECRET_BYTES, PALERMO_CLAIM_NAMES, type ClaimNames } from './auth.js';
import { OIDC_ALGORITHMS, isAcceptableProviderUrl, type OidcAlgorithm, type OidcSettings } from './oidc.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Limits applied to every request, with or without a token, before any resolver runs. */
export interface RequestLimits {
  /** Selection depth (introspection is bounded by graphql-js's own introspection-depth rule). */
  maxDepth: number;
  maxAliases: number;
  /** Lexical tokens of the document, counted while parsing, so a huge document stops early. */
  maxTokens: number;
  /**
   * graphql-armor cost: 2 per object, 1 per scalar, x1.5 per level of nesting, x`first` when it is a literal.
   * 20,000 lets a full page (first: 100, the cap) of needs with their priority parts (~10,400) or of projects
   * with needs and pledges (~16,000) through; a `first` given as a variable is counted once by graphql-armor,
   * and the resolvers cap it at 100 (api/schema/pagination.ts).
   */
  maxCost: number;
  maxDirectives: number;
  maxBodyBytes: number;
  /** From the request's arrival to its answer; then 503 and the execution is cancelled. */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 10,
  maxAliases: 20,
  maxTokens: 2_000,
  maxCost: 20_000,
  maxDirectives: 20,
  // Just above the largest needs import (domain/needs-import.ts MAX_IMPORT_CONTENT, 20 MB) with its JSON envelope.
  maxBodyBytes: 24 * 1024 * 1024,
  requestTimeoutMs: 30_000,
};

export interface EdgeConfig {
  graphiql: boolean;
  introspection: boolean;
  /** Exact origins (scheme://host[:port]) allowed to call from a browser, with credentials. */
  corsOrigins: string[];
  limits: RequestLimits;
}

/** What a deployment left unset or set wrong, each naming the variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const LIMIT_VARIABLES: Record<keyof RequestLimits, string> = {
  maxDepth: 'PALERMO_MAX_DEPTH',
  maxAliases: 'PALERMO_MAX_ALIASES',
  maxTokens: 'PALERMO_MAX_TOKENS',
  maxCost: 'PALERMO_MAX_COST',
  maxDirectives: 'PALERMO_MAX_DIRECTIVES',
  maxBodyBytes: 'PALERMO_MAX_BODY_BYTES',
  requestTimeoutMs: 'PALERMO_REQUEST_TIMEOUT_MS',
};

function positiveInteger(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    problems.push(`${name} must be a positive whole number, not "${raw}"`);
    return fallback;
  }
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false, not "${env[name]}"`);
  return fallback;
}

/** An allowed origin is exactly scheme://host[:port]; `null` and `*` would let any page in. */
export function corsOriginProblem(origin: string): string | null {
  if (origin === 'null' || origin === '*') return `"${origin}" would allow any page; list exact origins`;
  if (!URL.canParse(origin)) return `"${origin}" is not an origin (scheme://host[:port])`;
  const url = new URL(origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${origin}" must be an http or https origin`;
  if (url.origin !== origin) return `"${origin}" is not exactly an origin; did you mean "${url.origin}"?`;
  return null;
}

function edgeFromEnv(env: Env, problems: string[]): EdgeConfig {
  const limits = Object.fromEntries(
    Object.entries(LIMIT_VARIABLES).map(([key, name]) => [key, positiveInteger(env, name, DEFAULT_LIMITS[key as keyof RequestLimits], problems)]),
  ) as unknown as RequestLimits;
  const corsOrigins = (env.PALERMO_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of corsOrigins) {
    const problem = corsOriginProblem(origin);
    if (problem) problems.push(`PALERMO_CORS_ORIGINS: ${problem}`);
  }
  return {
    // Off unless asked for: the embedded default (npm start) asks for both.
    graphiql: flag(env, 'PALERMO_GRAPHIQL', false, problems),
    introspection: flag(env, 'PALERMO_INTROSPECTION', false, problems),
    corsOrigins,
    limits,
  };
}

export type TokenConfig =
  | { kind: 'hs256'; secret: string; maxLifetimeSeconds: number }
  | ({ kind: 'oidc' } & OidcSettings);

const OIDC_DETAIL_VARIABLES = ['PALERMO_OIDC_ALGORITHMS', 'PALERMO_OIDC_ROLE_CLAIM', 'PALERMO_OIDC_STATE_CLAIM', 'PALERMO_OIDC_ORG_CLAIM', 'PALERMO_OIDC_ROLE_VALUES'];

function set(env: Env, name: string): boolean {
  return env[name] !== undefined && env[name]!.trim() !== '';
}

function tokensFromEnv(env: Env, problems: string[], fallbackSecret: string | undefined): TokenConfig | undefined {
  const maxLifetimeSeconds = positiveInteger(env, 'PALERMO_TOKEN_MAX_LIFETIME_SECONDS', DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, problems);
  const secret = env.PALERMO_JWT_SECRET;
  const oidc = set(env, 'PALERMO_OIDC_ISSUER') || set(env, 'PALERMO_OIDC_AUDIENCE');
  if (secret !== undefined && new TextEncoder().encode(secret).byteLength < MIN_SECRET_BYTES) {
    problems.push(`PALERMO_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long (e.g. \`openssl rand -base64 48\`)`);
  }
  if (oidc) {
    // One way to verify tokens: a second, forgotten one would be a second way in.
    if (secret !== undefined) problems.push('set PALERMO_JWT_SECRET or the PALERMO_OIDC_* settings, not both');
    for (const name of ['PALERMO_OIDC_ISSUER', 'PALERMO_OIDC_AUDIENCE']) if (!set(env, name)) problems.push(`${name} is missing (OpenID Connect needs PALERMO_OIDC_ISSUER and PALERMO_OIDC_AUDIENCE)`);
    const issuer = env.PALERMO_OIDC_ISSUER?.trim() ?? '';
    if (issuer && (!URL.canParse(issuer) || !isAcceptableProviderUrl(new URL(issuer)))) {
      problems.push(`PALERMO_OIDC_ISSUER must be an https URL (plain http only on 127.0.0.1), not "${issuer}"`);
    }
    const algorithms = (env.PALERMO_OIDC_ALGORITHMS ?? 'RS256,ES256').split(',').map((a) => a.trim()).filter((a) => a !== '');
    for (const a of algorithms) {
      if (!(OIDC_ALGORITHMS as readonly string[]).includes(a)) problems.push(`PALERMO_OIDC_ALGORITHMS: "${a}" is not one of ${OIDC_ALGORITHMS.join(', ')}`);
    }
    if (algorithms.length === 0) problems.push('PALERMO_OIDC_ALGORITHMS names no algorithm');
    const claims: ClaimNames = {
      role: env.PALERMO_OIDC_ROLE_CLAIM?.trim() || PALERMO_CLAIM_NAMES.role,
      state: env.PALERMO_OIDC_STATE_CLAIM?.trim() || PALERMO_CLAIM_NAMES.state,
      org: env.PALERMO_OIDC_ORG_CLAIM?.trim() || PALERMO_CLAIM_NAMES.org,
    };
    let roleValues: Record<string, Role> | undefined;
    if (set(env, 'PALERMO_OIDC_ROLE_VALUES')) {
      try {
        const parsed: unknown = JSON.parse(env.PALERMO_OIDC_ROLE_VALUES!);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        roleValues = {};
        for (const [value, role] of Object.entries(parsed)) {
          if (!isRole(role)) problems.push(`PALERMO_OIDC_ROLE_VALUES: "${value}" maps to "${String(role)}", not one of ${ROLES.join(', ')}`);
          else roleValues[value] = role;
        }
      } catch {
        problems.push('PALERMO_OIDC_ROLE_VALUES must be a JSON object of provider role values to palermo roles');
      }
    }
    return {
      kind: 'oidc',
      issuer,
      audience: env.PALERMO_OIDC_AUDIENCE?.trim() ?? '',
      algorithms: algorithms as OidcAlgorithm[],
      claims,
      ...(roleValues ? { roleValues } : {}),
      maxLifetimeSeconds,
    };
  }
  for (const name of OIDC_DETAIL_VARIABLES) {
    if (set(env, name)) problems.push(`${name} is set but PALERMO_OIDC_ISSUER and PALERMO_OIDC_AUDIENCE are not`);
  }
  const chosen = secret ?? fallbackSecret;
  if (chosen === undefined) {
    problems.push('a real deployment needs PALERMO_JWT_SECRET (HS256, at least 32 bytes) or PALERMO_OIDC_ISSUER and PALERMO_OIDC_AUDIENCE (tokens from your OpenID Connect provider)');
    return undefined;
  }
  return { kind: 'hs256', secret: chosen, maxLifetimeSeconds };
}

/** TEMPORAL_ADDRESS and DATABASE_URL go together: both for a real deployment, neither for the embedded default. */
function backendProblems(env: Env, requireBoth: boolean): string[] {
  const temporal = set(env, 'TEMPORAL_ADDRESS');
  const database = set(env, 'DATABASE_URL');
  if (temporal && !database) return ['TEMPORAL_ADDRESS is set but DATABASE_URL is not: set both for a real deployment, or neither for the embedded default (npm start)'];
  if (database && !temporal) return ['DATABASE_URL is set but TEMPORAL_ADDRESS is not: set both for a real deployment, or neither for the embedded default (npm start)'];
  if (requireBoth && !temporal) return ['TEMPORAL_ADDRESS and DATABASE_URL are missing (or use `npm start` for the embedded default)'];
  return [];
}

export interface ApiConfig {
  tokens: TokenConfig;
  edge: EdgeConfig;
}

/** `npm run api`: everything the API process needs, or every problem at once. */
export function readApiConfig(env: Env): ApiConfig {
  const problems = backendProblems(env, true);
  const tokens = tokensFromEnv(env, problems, undefined);
  const edge = edgeFromEnv(env, problems);
  if (problems.length > 0 || !tokens) throw new ConfigurationError(problems);
  return { tokens, edge };
}

/** `npm run worker`: it needs Temporal and PostgreSQL, nothing about tokens. */
export function workerConfigProblems(env: Env): string[] {
  return backendProblems(env, true);
}

/**
 * `npm start`: embedded when neither TEMPORAL_ADDRESS nor DATABASE_URL is set (then the dev secret is the
 * fallback), a real deployment when both are. Checks what the API child will need, before starting anything.
 */
export function startConfigProblems(env: Env, devSecret: string): { embedded: boolean; problems: string[] } {
  const problems = backendProblems(env, false);
  const embedded = !set(env, 'TEMPORAL_ADDRESS') && !set(env, 'DATABASE_URL');
  tokensFromEnv(env, problems, embedded ? devSecret : undefined);
  edgeFromEnv(env, problems);
  return { embedded, problems };
}
