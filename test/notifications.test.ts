// E-mail notifications end to end: lifecycle events write the outbox, the mail-dispatch schedule sends it
// through a real SMTP server on 127.0.0.1, and we read what arrived.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startMailCatcher } from '../scripts/embedded/mail-catcher.js';
import { freePort } from '../scripts/embedded/free-port.js';
import { ensureMailDispatchSchedule } from '../worker/mail-schedule.js';
import { caller, fileAs, must, type Caller } from './support/actions.js';
import { startSmtpSink, type SmtpSink } from './support/smtp.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

const TIMINGS = { informationReminder: '3s', informationDeadline: '6s' };
const run = randomUUID().slice(0, 8);
const addr = (who: string) => `${who}-${run}@mail.example`;
const FLAKY = addr('flaky');
const UNKNOWN = addr('unknown');

let sink: SmtpSink;
let stack: Stack;
let pm: Caller;
let scheduleId: string;
const flakyTries: string[] = [];

beforeAll(async () => {
  sink = await startSmtpSink((rcpt) => {
    if (rcpt === UNKNOWN) return { code: 550, message: '5.1.1 mailbox unavailable' };
    if (rcpt === FLAKY && flakyTries.push(rcpt) === 1) return { code: 451, message: '4.7.1 greylisted, try again later' };
    return null;
  });
  // The worker's activities read these when created; the API gets the same timings.
  process.env.PALERMO_SMTP_URL = sink.url;
  process.env.PALERMO_PUBLIC_URL = 'http://127.0.0.1:4000';
  process.env.PALERMO_TIMINGS = JSON.stringify(TIMINGS);
  stack = await startStack({ timings: TIMINGS });
  scheduleId = await ensureMailDispatchSchedule(stack.client, { taskQueue: stack.taskQueue, every: '1 second', dispatch: { maxAttempts: 3 } });
  pm = await caller(stack, { subject: `pm-mail-${run}`, role: 'PROGRAMME_MANAGER' });
  await stack.db.insertInto('notification_contacts').values({ subject: pm.actor.subject, role: 'PROGRAMME_MANAGER', state_code: null, email: addr('pm'), language: 'en', delivery: 'IMMEDIATE' }).execute();
});

afterAll(async () => {
  await stack?.client.schedule.getHandle(scheduleId).delete().catch(() => undefined);
  await stack?.db.deleteFrom('notification_contacts').where('subject', 'like', `%${run}%`).execute();
  await stack?.stop();
  await sink?.stop();
  delete process.env.PALERMO_SMTP_URL;
  delete process.env.PALERMO_TIMINGS;
});

async function focalPoint(state: string, who: string, language: string, email = addr(who)): Promise<Caller> {
  const fp = await caller(stack, { subject: `${who}-${run}`, role: 'STATE_FOCAL_POINT', stateCode: state });
  await stack.db.insertInto('notification_contacts').values({ subject: fp.actor.subject, role: 'STATE_FOCAL_POINT', state_code: state, email, language, delivery: 'IMMEDIATE' }).execute();
  return fp;
}

async function projectAwaitingInformation(fp: Caller, state: string, question: string) {
  const { id } = await fileAs(stack, fp, {
    state, title: `Mutual legal assistance: central authority (${run})`, idempotencyKey: freshKey(`mail-${state}`),
    needs: [{ priorityArea: 'PA-C', priorityActivity: '(f)(i)', instrument: 'UNTOC', formsOfAssistance: ['EQUIPMENT'], urgency: 'MEDIUM', description: 'Equipment for the central authority (000 fn 16).' }],
  });
  await must(stack, pm, 'startAssessment', id);
  await must(stack, pm, 'requestInformation', id, { question });
  return id;
}

async function outbox(projectId: string) {
  const { body } = await stack.gql(
    `query($p: String, $first: Int = 100) { notificationOutbox(projectId: $p, first: $first) { __typename ... on QueryNotificationOutboxSuccess { data { edges { node { topic recipient email language status attempts lastError digest } } } } ... on Error { message } } }`,
    { p: projectId }, pm.token,
  );
  return body.data.notificationOutbox.data.edges.map((e: { node: unknown }) => e.node) as { topic: string; recipient: string; email: string; language: string; status: string; attempts: number; lastError: string | null; digest: boolean }[];
}

const subjects = (email: string) => sink.to(email).map((m) => m.mail.subject);

describe('a lapsed information request', () => {
  it('tells the focal point in French: the request, the reminder, then the escalation, each once across a worker restart', async () => {
    const fp = await focalPoint('TCD', 'fp-tcd', 'fr');
    const id = await projectAwaitingInformation(fp, 'TCD', 'Le projet de loi sur l’entraide judiciaire est-il devant le Parlement ?');
    await expect.poll(() => subjects(addr('fp-tcd')), { timeout: 15_000, interval: 250 }).toEqual([expect.stringMatching(/^Demande d'informations : Mutual legal assistance/)]);

    // The worker dies while the State is silent; the reminder's timer fires on the server meanwhile.
    await stack.stopWorkers();
    await new Promise((r) => setTimeout(r, 3_500));
    await stack.startWorker();

    await expect.poll(() => subjects(addr('fp-tcd')).length, { timeout: 30_000, interval: 500 }).toBe(3);
    await expect.poll(() => subjects(addr('pm')).filter((s) => s?.includes(run)).length, { timeout: 15_000, interval: 500 }).toBe(1);
    await new Promise((r) => setTimeout(r, 3_000)); // a few more dispatch rounds: nothing is sent twice
    const toFocalPoint = sink.to(addr('fp-tcd'));
    expect(toFocalPoint.map((m) => m.mail.subject)).toEqual([
      expect.stringMatching(/^Demande d'informations : /),
      expect.stringMatching(/^Rappel : informations attendues pour /),
      expect.stringMatching(/^Demande d'informations expirée : /),
    ]);
    const reminder = toFocalPoint[1]!.mail;
    expect(reminder.text).toContain('n\'ont pas encore été fournies');
    expect(reminder.text).toContain('Le projet de loi sur l’entraide judiciaire est-il devant le Parlement ?');
    expect(reminder.text).toContain(`Ouvrir le projet: http://127.0.0.1:4000/projects/${id}`);
    expect(reminder.html).toContain(`<a href="http://127.0.0.1:4000/projects/${id}">Ouvrir le projet</a>`);
    expect(reminder.html).toContain('<html lang="fr">');
    expect(toFocalPoint[0]!.mail.text).toMatch(/Merci de répondre avant le \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./);
    const toManager = sink.to(addr('pm')).filter((m) => m.mail.subject?.includes(run));
    expect(toManager.map((m) => m.mail.subject)).toEqual([expect.stringMatching(/^Information request lapsed: /)]);

    const rows = await outbox(id);
    expect(rows.map((r) => `${r.topic}:${r.language}:${r.status}`).sort()).toEqual([
      'INFORMATION_ESCALATION:en:SENT', 'INFORMATION_ESCALATION:fr:SENT', 'INFORMATION_REMINDER:fr:SENT', 'INFORMATION_REQUESTED:fr:SENT',
    ]);
  });
});

describe('delivery failures', () => {
  it('retries a greylisted (451) address until delivered and gives up on an unknown mailbox (550) with the reason for the manager', async () => {
    const flaky = await focalPoint('BOL', 'fp-bol-flaky', 'es', FLAKY);
    await focalPoint('BOL', 'fp-bol-unknown', 'es', UNKNOWN);
    const id = await projectAwaitingInformation(flaky, 'BOL', '¿Se aprobó la ley de armas de fuego?');

    await expect.poll(async () => (await outbox(id)).filter((r) => r.topic === 'INFORMATION_REQUESTED').map((r) => `${r.email}:${r.status}`).sort(), { timeout: 30_000, interval: 500 })
      .toEqual([`${FLAKY}:SENT`, `${UNKNOWN}:FAILED`].sort());
    const rows = (await outbox(id)).filter((r) => r.topic === 'INFORMATION_REQUESTED');
    const delivered = rows.find((r) => r.email === FLAKY)!;
    expect(delivered).toMatchObject({ attempts: 2, lastError: null, language: 'es' });
    expect(subjects(FLAKY)).toEqual([expect.stringMatching(/^Solicitud de información: /)]);
    const failed = rows.find((r) => r.email === UNKNOWN)!;
    expect(failed.attempts).toBe(1); // permanent: never retried
    expect(failed.lastError).toMatch(/SMTP 550: .*mailbox unavailable.*\(permanent: not retried\)/);
    expect(sink.to(UNKNOWN)).toEqual([]);

    // The workflow history shows the 550 failing the sendNotification activity, not retried.
    const failures = await sendFailures(stack.client, stack.taskQueue);
    expect(failures).toContainEqual(expect.objectContaining({ activityType: 'sendNotification', nonRetryable: true, message: expect.stringMatching(/SMTP 550/) }));
  });
});

describe('preferences', () => {
  it('holds the notices of a person who chose the daily digest and sends them together once the digest is due', async () => {
    const person = await caller(stack, { subject: `fp-hnd-digest-${run}`, role: 'STATE_FOCAL_POINT', stateCode: 'HND' });
    const set = (vars: Record<string, unknown>) =>
      stack.gql('mutation($d: NotificationDelivery!, $l: NotificationLanguage, $e: String) { setNotificationPreferences(input: { delivery: $d, language: $l, email: $e }) { __typename ... on NotificationPreferences { email language delivery } ... on ValidationError { issues { field message } } } }', vars, person.token);
    expect((await set({ d: 'DAILY_DIGEST' })).body.data.setNotificationPreferences).toEqual({ __typename: 'ValidationError', issues: [{ field: 'input.email', message: expect.stringMatching(/required the first time/) }] });
    // An unknown delivery is refused by GraphQL itself (the NotificationDelivery enum), naming the variable and the value.
    const weekly = await set({ d: 'WEEKLY', e: addr('hnd') });
    expect(weekly.body.data).toBeUndefined();
    expect(weekly.body.errors?.[0]?.message).toMatch(/^Variable "\$d" got invalid value "WEEKLY"; Value "WEEKLY" does not exist in "NotificationDelivery" enum/);
    expect((await set({ d: 'DAILY_DIGEST', l: 'es', e: addr('hnd') })).body.data.setNotificationPreferences).toEqual({ __typename: 'NotificationPreferences', email: addr('hnd'), language: 'es', delivery: 'DAILY_DIGEST' });

    const id = await projectAwaitingInformation(person, 'HND', '¿Qué fiscalía coordina el caso?');
    await expect.poll(async () => (await outbox(id)).map((r) => `${r.topic}:${r.status}:${r.digest}`), { timeout: 10_000, interval: 500 }).toEqual(['INFORMATION_REQUESTED:PENDING:true']);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(sink.to(addr('hnd'))).toEqual([]); // held for the digest

    // A day passes: the notice was queued yesterday, so today's digest is due.
    await stack.db.updateTable('notification_outbox').set({ created_at: new Date(Date.now() - 86_400_000) }).where('project_id', '=', id).where('recipient_subject', '=', person.actor.subject).execute();
    await expect.poll(() => subjects(addr('hnd')).length, { timeout: 15_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    const digest = sink.to(addr('hnd'))[0]!.mail;
    expect(digest.subject).toMatch(/^Resumen diario de palermo: \d+ avisos?$/);
    expect(digest.text).toContain('Solicitud de información: Mutual legal assistance');
    expect(digest.text).toContain(`http://127.0.0.1:4000/projects/${id}`);
  });

  it('refuses a bad outbox filter with the field and the reason', async () => {
    const { body } = await stack.gql('query($p: String) { notificationOutbox(projectId: $p) { __typename ... on ValidationError { issues { field message } } } }', { p: 'a\u0000b' }, pm.token);
    expect(body.data.notificationOutbox).toEqual({ __typename: 'ValidationError', issues: [{ field: 'projectId', message: expect.stringMatching(/must be a project id/) }] });
  });

  it('shows the outbox only to programme managers', async () => {
    const fp = await caller(stack, { subject: `fp-x-${run}`, role: 'STATE_FOCAL_POINT', stateCode: 'TCD' });
    const { body } = await stack.gql('{ notificationOutbox { __typename ... on Error { message } } }', {}, fp.token);
    expect(body.data.notificationOutbox).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/PROGRAMME_MANAGER/) });
  });
});


describe('expert invitations', () => {
  it('invites a roster expert at the roster address, in the expert\'s language, and reminds them once', async () => {
    const fra = await stack.token({ subject: `fp-FRA-${run}`, role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
    const email = addr('expert');
    const nominated = await stack.gql(`mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { ... on Expert { id } } }`, {
      input: { name: 'Claire Invented (invented)', nationality: 'FRA', nominatingState: 'FRA', institution: 'Ministère de la Justice (invented unit)', email, profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], languages: [{ language: 'fr', level: 'C2' }] } },
    }, fra);
    const expertId = nominated.body.data.nominateExpert.id as string;
    await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: expertId, role: 'EXPERT' }));
    const gab = await caller(stack, { subject: `fp-gab-${run}`, role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const { needs } = await fileAs(stack, gab, {
      state: 'GAB', title: `Reporting (${run})`, idempotencyKey: freshKey('mail-inv'),
      needs: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Checklist training (000 fn 5).' }],
    });
    const invited = await stack.gql(`mutation($input: InviteExpertsInput!) { inviteExperts(input: $input) { __typename ... on Invitation { id } ... on Error { message } } }`,
      { input: { needId: needs[0]!.id, slot: 'formateur checklist', candidates: [expertId], reminderSeconds: 2, deadlineSeconds: 60, idempotencyKey: freshKey('inv') } }, pm.token);
    expect(invited.body.data.inviteExperts.__typename).toBe('Invitation');
    await expect.poll(() => subjects(email), { timeout: 20_000, interval: 500 }).toEqual([
      'Invitation à intervenir comme expert : formateur checklist',
      'Rappel : invitation formateur checklist',
    ]);
    expect(sink.to(email)[0]!.mail.text).toMatch(/Merci de répondre avant le \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./);
  });
});

describe('evaluation assignments', () => {
  it('tells the assigned roster evaluator, at the roster address, in Spanish', async () => {
    const email = addr('evaluator');
    const fra = await stack.token({ subject: `fp-FRA-${run}`, role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
    const nominated = await stack.gql(`mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { ... on Expert { id } } }`, {
      input: { name: 'Lucía Invented (invented)', nationality: 'PRT', nominatingState: 'FRA', institution: 'Inspección de justicia (invented unit)', email, profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], languages: [{ language: 'es', level: 'C2' }] } },
    }, fra);
    const evaluatorId = nominated.body.data.nominateExpert.id as string;
    await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: evaluatorId, role: 'EXPERT' }));
    const fp = await caller(stack, { subject: `fp-ken-${run}`, role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const { id } = await fileAs(stack, fp, {
      state: 'KEN', title: `Witness protection (${run})`, idempotencyKey: freshKey('mail-eval'),
      needs: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency: 'HIGH', description: 'Witness protection (001 para 26).' }],
    });
    await must(stack, pm, 'startAssessment', id);
    await must(stack, pm, 'startPlanning', id);
    await must(stack, pm, 'setPlan', id, {
      objectives: ['Witnesses protected'], outputs: [], outcomes: [{ title: 'Witnesses protected', indicators: [{ name: 'witnesses admitted', unit: 'people', baseline: 0, target: 30 }] }],
      formsOfAssistance: ['MENTORING'], modality: 'NATIONAL', budget: { amount: '1000', currency: 'USD' },
    });
    await must(stack, fp, 'endorsePlan', id);
    await must(stack, pm, 'seekFunding', id);
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '1000', currency: 'USD', kind: 'CASH' });
    await must(stack, pm, 'startDelivery', id);
    await must(stack, pm, 'startEvaluation', id, { evaluator: evaluatorId });
    await expect.poll(() => subjects(email), { timeout: 20_000, interval: 500 }).toEqual([`Evaluación asignada: Witness protection (${run})`]);
    expect(sink.to(email)[0]!.mail.text).toContain(`Abrir el proyecto: http://127.0.0.1:4000/projects/${id}`);
  });
});

describe('the embedded mail catcher', () => {
  it('keeps what it receives and shows it at GET /mail to a programme manager', async () => {
    const catcher = await startMailCatcher(stack.db, await freePort());
    const subject = `Rappel : catcher ${run}`;
    try {
      await nodemailer.createTransport(catcher.url).sendMail({ from: 'palermo <no-reply@palermo.invalid>', to: addr('caught'), subject, text: 'Bonjour <monde>', html: '<p>Bonjour</p>' });
      const page = (token?: string) => fetch(stack.apiUrl.replace(/\/graphql$/, '/mail'), { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect((await page()).status).toBe(401);
      const fp = await stack.token({ subject: `fp-${run}`, role: 'STATE_FOCAL_POINT', stateCode: 'TCD' });
      expect((await page(fp)).status).toBe(403);
      const html = await (await page(pm.token)).text();
      expect(html).toContain(subject);
      expect(html).toContain('Bonjour &lt;monde&gt;');
      expect(html).toContain(addr('caught'));
    } finally {
      await catcher.stop();
      await stack.db.deleteFrom('caught_mail').where('subject', '=', subject).execute();
    }
  });
});

/** Failed sendNotification activities in the mailDispatch runs of this task queue, from their histories. */
async function sendFailures(client: Client, taskQueue: string) {
  const out: { activityType: string; message: string; nonRetryable: boolean }[] = [];
  for await (const wf of client.workflow.list({ query: `WorkflowType = 'mailDispatch' AND TaskQueue = '${taskQueue}'` })) {
    const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    const scheduled = new Map<string, string>();
    for (const e of history.events ?? []) {
      if (e.activityTaskScheduledEventAttributes) scheduled.set(String(e.eventId), e.activityTaskScheduledEventAttributes.activityType?.name ?? '');
      const failed = e.activityTaskFailedEventAttributes;
      if (failed) {
        out.push({
          activityType: scheduled.get(String(failed.scheduledEventId)) ?? '',
          message: failed.failure?.message ?? '',
          nonRetryable: failed.failure?.applicationFailureInfo?.nonRetryable ?? false,
        });
      }
    }
  }
  return out;
}
