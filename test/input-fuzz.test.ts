// Property test over the real GraphQL API (issue 9, item 1): arbitrary Unicode (NUL, lone surrogates,
// control characters, very long strings), numbers (huge, negative, fractional) and lists (empty, long,
// with duplicates) thrown at EVERY mutation's arguments, as each role. Every call must answer within a
// few seconds with a typed result (a union member, or UNAUTHENTICATED / FORBIDDEN, or GraphQL's own
// refusal of a value of the wrong type), never "Unexpected error", and the projects it hit must still
// answer afterwards, with a valid transition still working.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporalDeadlineMs } from '../api/temporal-deadline.js';
import type { Actor } from '../domain/roles.js';
import { caller, fileAs, must, readProject, rosterEvaluator, type Caller } from './support/actions.js';
import { gabonReportingRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * What the API promises: every call answers within its wait on Temporal (temporalDeadlineMs(), 10 s by default;
 * a re-prioritisation run three times that), plus a little for HTTP and the database.
 */
const CALL_LIMIT_MS = temporalDeadlineMs() + 2_000;
const CALL_LIMITS_MS: Record<string, number> = { reprioritiseNow: 3 * temporalDeadlineMs() + 2_000 };
const TIME_BUDGET_MS = Number(process.env.PALERMO_FUZZ_MS ?? 45_000);

let stack: Stack;
let pm: Caller;
let gab: Caller;
let targets: { projectIds: string[]; needIds: string[]; expertIds: string[] };
const callers: Record<string, Caller> = {};

beforeAll(async () => {
  stack = await startStack({ temporalDeadlineMs: 4_000 });
  pm = await caller(stack, { subject: 'pm-vienna', role: 'PROGRAMME_MANAGER' });
  gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
  // Two projects the fuzzer aims at (one fresh, one planning), and a roster expert.
  const fresh = await fileAs(stack, gab, gabonReportingRequest());
  const planning = await fileAs(stack, gab, gabonReportingRequest());
  await must(stack, pm, 'startAssessment', planning.id);
  await must(stack, pm, 'startPlanning', planning.id);
  const evaluator = await rosterEvaluator(stack, 'Evaluator of the fuzz test');
  targets = { projectIds: [fresh.id, planning.id], needIds: [...fresh.needs, ...planning.needs].map((n) => n.id), expertIds: [evaluator.actor.subject] };
  const actors: Actor[] = [
    pm.actor,
    gab.actor,
    { subject: 'fp-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' },
    { subject: evaluator.actor.subject, role: 'EVALUATOR' },
    { subject: evaluator.actor.subject, role: 'EXPERT' },
    { subject: 'donor-eu', role: 'DONOR', organisation: 'European Union' },
    { subject: 'conference-admin', role: 'CONFERENCE_ADMIN' },
  ];
  for (const a of actors) callers[`${a.role}:${a.subject}`] = await caller(stack, a);
});
afterAll(() => stack?.stop());

// ---- Generators from the schema's own argument types.

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
const nasty = fc.oneof(fc.constant('\u0000'), loneSurrogate, control, fc.constant('\r\n'), fc.constant('\u{1F600}'));
const unicode = fc.string({ unit: 'binary', maxLength: 40 });
const withNasty = fc.tuple(unicode, nasty, unicode).map(([a, n, b]) => `${a}${n}${b}`);
const longText = fc.integer({ min: 5_000, max: 120_000 }).map((n) => 'Ω'.repeat(n));
const plausible = fc.constantFrom(
  'GAB', 'KEN', 'PA-A', '(d)', 'UNTOC', 'REPORTING_SUPPORT', 'MEDIUM', 'USD', 'EUR', 'CASH', 'CSV', 'JSON', 'NATIONAL',
  'QUESTIONNAIRE_RESPONSE', 'EXPLORATORY_MISSION', 'RELEVANCE', 'MET', 'en', 'C1', '2027-02-30', '2027-02-28', '150000.04', '-1',
  '1e9', '99999999999999999999', '0.001', 'fuzz-key-000001', 'fuzz-key-000001', '', ' ', 'state,priorityArea\nGAB,PA-A',
);

const text = () => fc.oneof({ weight: 3, arbitrary: unicode }, { weight: 3, arbitrary: withNasty }, { weight: 1, arbitrary: longText }, { weight: 3, arbitrary: plausible });
const ids = () => fc.oneof(fc.constantFrom(...targets.projectIds, ...targets.needIds, ...targets.expertIds), text());
const decimals = fc.oneof(plausible, fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String), fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `${a}.${b}`), withNasty);
const ints = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 1, 6, 19, 20, 2 ** 31 - 1, -(2 ** 31)));
const floats = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 0.1));

// The schema as a client sees it: introspected from the running API.
interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
interface InputValue { name: string; type: TypeRef }
interface FullType { kind: string; name: string; inputFields: InputValue[] | null; enumValues: { name: string }[] | null; possibleTypes: { name: string }[] | null; interfaces: { name: string }[] | null }
interface MutationField { name: string; args: InputValue[]; type: TypeRef }
const INTROSPECTION = `{ __schema {
  mutationType { fields { name args { name type { ...Ref } } type { ...Ref } } }
  types { kind name inputFields { name type { ...Ref } } enumValues { name } possibleTypes { name } interfaces { name } }
} }
fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;
let types: Map<string, FullType>;

const typeString = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : t.name!);
const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);

function valueOf(type: TypeRef, depth = 0, nullAllowed = true): fc.Arbitrary<unknown> {
  if (type.kind === 'NON_NULL') return valueOf(type.ofType!, depth, false);
  // Mostly values GraphQL itself accepts, so they reach palermo's own checks; now and then a null.
  const nullable = (a: fc.Arbitrary<unknown>) => (nullAllowed ? fc.oneof({ weight: 8, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) }) : a);
  if (type.kind === 'LIST') {
    const item = valueOf(type.ofType!, depth + 1);
    // Lists: empty, short, long, and with an item repeated.
    const lists = fc.oneof(
      fc.array(item, { maxLength: 4 }),
      fc.array(item, { minLength: 1, maxLength: 3 }).map((xs) => [...xs, xs[0]]),
      depth === 0 ? fc.array(item, { minLength: 50, maxLength: 300 }) : fc.array(item, { maxLength: 2 }),
    );
    return nullable(lists);
  }
  const full = types.get(type.name!)!;
  if (full.kind === 'INPUT_OBJECT') {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of full.inputFields!) record[f.name] = f.type.kind === 'NON_NULL' ? valueOf(f.type, depth + 1) : fc.option(valueOf(f.type, depth + 1), { nil: undefined });
    return nullable(fc.record(record).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))));
  }
  if (full.kind === 'ENUM') return nullable(fc.constantFrom(...full.enumValues!.map((v) => v.name)));
  switch (full.name) {
    case 'Int': return nullable(ints);
    case 'Float': return nullable(floats);
    case 'Boolean': return nullable(fc.boolean());
    case 'ID': return nullable(ids());
    case 'Decimal': return nullable(decimals);
    default: return nullable(text());
  }
}

/** The mutation's operation: its arguments as variables, and a selection that shows the union member. */
function operation(field: MutationField): string {
  const vars = field.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const result = types.get(named(field.type).name!)!;
  let selection = '';
  if (result.kind === 'UNION') {
    const errors = result.possibleTypes!.some((p) => types.get(p.name)!.interfaces?.some((i) => i.name === 'Error'));
    selection = `{ __typename ${errors ? '... on Error { code message }' : ''} }`;
  } else if (result.kind === 'OBJECT') selection = '{ __typename }';
  return `mutation Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}

interface Outcome {
  mutation: string;
  role: string;
  answer: string;
  ms: number;
}

describe('every mutation, fed arbitrary input as every role', () => {
  it('answers each call within seconds with a typed result, never "Unexpected error"', async () => {
    const { body: introspected } = await stack.gql(INTROSPECTION, {}, pm.token);
    types = new Map((introspected.data.__schema.types as FullType[]).map((t) => [t.name, t]));
    const mutations = introspected.data.__schema.mutationType.fields as MutationField[];
    expect(mutations.length).toBeGreaterThan(30);
    const calls = fc.oneof(
      ...mutations.map((field) =>
        fc.record({
          field: fc.constant(field),
          who: fc.constantFrom(...Object.keys(callers)),
          variables: fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type)]))),
        }),
      ),
    );
    const outcomes: Outcome[] = [];
    const surprises: string[] = [];
    await fc.assert(
      fc.asyncProperty(calls, async ({ field, who, variables }) => {
        const started = Date.now();
        const { status, body } = await stack.gql(operation(field), variables, callers[who]!.token);
        const ms = Date.now() - started;
        const result = body.data?.[field.name] as { __typename?: string; code?: string } | { __typename?: string }[] | null | undefined;
        const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? (/^Variable "\$/.test(e.message) ? 'GRAPHQL_TYPE' : e.message));
        const answer = result && !Array.isArray(result) && result.__typename ? result.__typename : Array.isArray(result) ? 'list' : codes.join(',') || String(status);
        outcomes.push({ mutation: field.name, role: who.split(':')[0]!, answer, ms });
        const unexpected = (body.errors ?? []).filter((e) => /Unexpected error/i.test(e.message));
        if (unexpected.length || ms > (CALL_LIMITS_MS[field.name] ?? CALL_LIMIT_MS) || status >= 500) {
          surprises.push(`${field.name} as ${who} (${ms} ms, HTTP ${status}): ${JSON.stringify(body.errors ?? body.data).slice(0, 300)} <- ${JSON.stringify(variables).slice(0, 300)}`);
        }
        // Typed: a result, or the request refused by auth or by GraphQL's own type checks of the variables.
        const typed = result !== undefined && result !== null ? true : codes.length > 0 && codes.every((c) => ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'GRAPHQL_TYPE'].includes(String(c)));
        if (!typed) surprises.push(`${field.name} as ${who}: untyped answer ${JSON.stringify(body).slice(0, 300)}`);
        // Every surprise is collected (and printed below) rather than stopping at the first.
        return true;
      }),
      { numRuns: 2_000, interruptAfterTimeLimit: TIME_BUDGET_MS, markInterruptAsFailure: false, seed: Number(process.env.PALERMO_FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    const byMutation = new Map<string, number>();
    for (const o of outcomes) byMutation.set(o.mutation, (byMutation.get(o.mutation) ?? 0) + 1);
    const answers = new Map<string, number>();
    for (const o of outcomes) answers.set(o.answer, (answers.get(o.answer) ?? 0) + 1);
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    console.log(`input fuzz: ${outcomes.length} generated calls over ${byMutation.size}/${mutations.length} mutations; slowest ${slowest} ms; answers ${JSON.stringify(Object.fromEntries([...answers].sort((a, b) => b[1] - a[1])))}`);
    if (surprises.length) console.log(`input fuzz surprises:\n${surprises.join('\n')}`);
    expect(surprises).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(100);
  });

  it('leaves the projects it hit answering, their read model in step with the workflow, and a valid transition working', async () => {
    for (const id of targets.projectIds) {
      const project = await readProject(stack, pm, id);
      expect(project.__typename).toBe('Project');
      const workflow = await stack.client.workflow.getHandle(id).describe();
      if (workflow.status.name === 'RUNNING') {
        const snapshot = await stack.client.workflow.getHandle(id).query<{ stage: string; lastSeq: number; projectedSeq: number }>('snapshot');
        expect(snapshot.stage).toBe(project.stage);
        expect(snapshot.projectedSeq).toBe(snapshot.lastSeq);
        const cancelled = await must(stack, pm, 'cancel', id, { reason: 'Closed after the input fuzz test' });
        expect(cancelled.stage).toBe('CANCELLED');
      } else {
        // The fuzzer ended it with a valid call: the read model says so too.
        expect(['CANCELLED', 'DECLINED', 'MERGED', 'CLOSED']).toContain(project.stage);
      }
    }
    // And the system still files and moves a new project.
    const fresh = await fileAs(stack, gab, gabonReportingRequest());
    expect((await must(stack, pm, 'startAssessment', fresh.id)).stage).toBe('UNDER_ASSESSMENT');
  });
});
