// `npm run api`: one API process. Run several behind a load balancer; it never runs workflows.
// The configuration is checked first; the schema, Temporal and PostgreSQL are loaded only when it holds.
import { hs256Verifier, type TokenVerifier } from './auth.js';
import { ConfigurationError, readApiConfig, type ApiConfig } from './config.js';
import { discoverOidcVerifier } from './oidc.js';
import { webSignInFromEnv } from './web-sign-in.js';

let config: ApiConfig;
try {
  config = readApiConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigurationError)) throw err;
  console.error(`palermo api: not starting, the configuration is incomplete:\n${err.problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}

const { tokens, edge } = config;
const webSignIn = webSignInFromEnv(process.env, tokens);
if (webSignIn.problems.length > 0) {
  console.error(`palermo api: not starting, the configuration is incomplete:\n${webSignIn.problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
let verifyToken: TokenVerifier;
try {
  verifyToken = tokens.kind === 'oidc' ? await discoverOidcVerifier(tokens) : hs256Verifier(tokens.secret, { maxLifetimeSeconds: tokens.maxLifetimeSeconds });
} catch (err) {
  console.error(`palermo api: not starting: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const [{ Client, Connection }, { createDb }, { startApiServer }, { timingsFromEnv }, { ProjectChanges }] = await Promise.all([
  import('@temporalio/client'),
  import('../db/connection.js'),
  import('./server.js'),
  import('./timings.js'),
  import('./live/project-changes.js'),
]);
const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
const temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
const db = createDb(process.env.DATABASE_URL!);
const timings = timingsFromEnv(process.env.PALERMO_TIMINGS);
// One LISTEN connection per process feeds the live subscriptions; it reconnects by itself if lost.
const projectChanges = new ProjectChanges(process.env.DATABASE_URL!, { log: (m) => console.warn(m) });
await projectChanges.start();
const { server, url } = await startApiServer({ db, temporal, verifyToken, edge, lifecycle: { timings }, projectChanges, webSignIn: webSignIn.config }, Number(process.env.PORT ?? 4000), process.env.HOST ?? '127.0.0.1');
console.log(`palermo api: ${url} (tokens: ${tokens.kind === 'oidc' ? `OpenID Connect, issuer ${tokens.issuer}` : 'HS256'}; GraphiQL ${edge.graphiql ? 'on' : 'off'}; introspection ${edge.introspection ? 'on' : 'off'})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void Promise.all([db.destroy(), connection.close(), projectChanges.stop()]).finally(() => process.exit(0));
  });
}
