// `npm run token -- --role STATE_FOCAL_POINT --state GAB [--org name] [--sub name] [--ttl 12h]`: prints a bearer JWT.
// --org names the organisation a DONOR acts for.
import { parseArgs } from 'node:util';
import { DEV_JWT_SECRET, signToken } from '../api/auth.js';
import { STATES } from '../domain/code-lists/index.js';
import { isRole, ROLES } from '../domain/roles.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    state: { type: 'string' },
    org: { type: 'string' },
    sub: { type: 'string' },
    ttl: { type: 'string', default: '12h' },
  },
});

function fail(message: string): never {
  console.error(`npm run token: ${message}`);
  process.exit(2);
}

if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`);
if (values.role === 'STATE_FOCAL_POINT' && !values.state) fail('--state (ISO 3166 alpha-3) is required for a STATE_FOCAL_POINT');
if (values.role === 'DONOR' && !values.org) fail('--org (the organisation the donor acts for) is required for a DONOR');
if (values.state && !STATES.some((s) => s.code === values.state)) fail(`--state: unknown State "${values.state}"`);

const secret = process.env.PALERMO_JWT_SECRET ?? DEV_JWT_SECRET;
const subject = values.sub ?? `${values.role.toLowerCase()}${values.state ? `-${values.state}` : ''}`;
const actor = { subject, role: values.role, ...(values.state ? { stateCode: values.state } : {}), ...(values.org ? { organisation: values.org } : {}) };
console.log(await signToken(secret, actor, values.ttl));
