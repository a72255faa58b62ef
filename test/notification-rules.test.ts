// Pure rules of the notifications, as tables: who is told of what, when a digest is due, and the text.
import { describe, expect, it } from 'vitest';
import { invitationEventNotices, projectEventNotices } from '../domain/notifications/audiences.js';
import { digestDue, nextDigestAt } from '../domain/notifications/digest.js';
import { renderDigest, renderNotice } from '../domain/notifications/messages.js';

const at = '2026-11-25T10:00:00.000Z';

describe('projectEventNotices', () => {
  const ctx = { informationDeadline: '2026-12-25T10:00:00.000Z', question: 'Which law?', evaluator: 'expert-1' };
  it.each([
    ['TRANSITION', 'requestInformation', 'INFORMATION_REQUESTED', ['FOCAL_POINTS']],
    ['REMINDER', 'informationRequest', 'INFORMATION_REMINDER', ['FOCAL_POINTS']],
    ['ESCALATION', 'informationRequest', 'INFORMATION_ESCALATION', ['MANAGERS', 'FOCAL_POINTS']],
    ['REMINDER', 'funding', 'FUNDING_REMINDER', ['MANAGERS']],
    ['ESCALATION', 'funding', 'FUNDING_ESCALATION', ['MANAGERS']],
    ['REMINDER', 'progressReport', 'PROGRESS_REPORT_DUE', ['MANAGERS']],
    ['REMINDER', 'evaluation', 'EVALUATION_REMINDER', ['PERSON:expert-1']],
    ['ESCALATION', 'evaluation', 'EVALUATION_ESCALATION', ['MANAGERS', 'PERSON:expert-1']],
  ])('%s %s -> %s to %j', (kind, action, topic, audiences) => {
    const notices = projectEventNotices({ kind, action, at, summary: { message: 'm' } }, ctx);
    expect(notices.map((n) => n.topic)).toEqual([topic]);
    expect(notices[0]!.audiences.map((a) => (a.kind === 'PERSON' ? `PERSON:${a.subject}` : a.kind))).toEqual(audiences);
  });
  it('tells the assigned evaluator', () => {
    expect(projectEventNotices({ kind: 'TRANSITION', action: 'startEvaluation', at, summary: { evaluator: 'expert-9' } }, {})).toEqual([{ topic: 'EVALUATION_ASSIGNED', audiences: [{ kind: 'PERSON', subject: 'expert-9' }], params: {} }]);
  });
  it.each([['TRANSITION', 'startPlanning'], ['RECORDED', 'pledge'], ['FILED', 'fileRequest']])('%s %s tells no one', (kind, action) => {
    expect(projectEventNotices({ kind, action, at, summary: {} }, ctx)).toEqual([]);
  });
  it('carries the question and deadline of an information request', () => {
    expect(projectEventNotices({ kind: 'TRANSITION', action: 'requestInformation', at, summary: { question: 'Which law?' } }, { informationDeadline: ctx.informationDeadline })[0]!.params).toEqual({ question: 'Which law?', deadline: ctx.informationDeadline });
  });
});

describe('invitationEventNotices', () => {
  it.each([
    ['INVITED', 'EXPERT_INVITED', 'PERSON'],
    ['REMINDED', 'EXPERT_INVITATION_REMINDER', 'PERSON'],
    ['EXHAUSTED', 'INVITATIONS_EXHAUSTED', 'MANAGERS'],
  ])('%s -> %s', (kind, topic, audience) => {
    const [n] = invitationEventNotices({ kind, expertId: 'expert-1', at, details: { deadlineSeconds: 3600 } }, 'trainer 1');
    expect(n!.topic).toBe(topic);
    expect(n!.audiences[0]!.kind).toBe(audience);
  });
  it('gives the invitation its deadline', () => {
    expect(invitationEventNotices({ kind: 'INVITED', expertId: 'e', at, details: { deadlineSeconds: 3600 } }, 's')[0]!.params.deadline).toBe('2026-11-25T11:00:00.000Z');
  });
  it.each(['ACCEPTED', 'DECLINED', 'TIMED_OUT'])('%s tells no one', (kind) => expect(invitationEventNotices({ kind, expertId: 'e', at, details: {} }, 's')).toEqual([]));
});

describe('daily digest', () => {
  it.each([
    ['2026-11-25T06:59:00Z', 7, '2026-11-25T07:00:00.000Z'],
    ['2026-11-25T07:00:00Z', 7, '2026-11-26T07:00:00.000Z'],
    ['2026-11-25T23:30:00Z', 7, '2026-11-26T07:00:00.000Z'],
    ['2026-12-31T10:00:00Z', 0, '2027-01-01T00:00:00.000Z'],
  ])('queued %s, digest hour %i -> %s', (queued, hour, next) => expect(nextDigestAt(new Date(queued), hour).toISOString()).toBe(next));
  it.each([
    ['2026-11-25T06:00:00Z', '2026-11-25T06:59:59Z', false],
    ['2026-11-25T06:00:00Z', '2026-11-25T07:00:00Z', true],
    ['2026-11-24T10:00:00Z', '2026-11-25T10:00:00Z', true],
  ])('oldest %s, now %s -> due %s', (oldest, now, due) => expect(digestDue(new Date(oldest), new Date(now), 7)).toBe(due));
});

describe('messages', () => {
  const notice = { topic: 'INFORMATION_REQUESTED' as const, projectId: 'project-GAB-x', projectTitle: 'Reporting <help> & more', params: { question: 'Qui répond ?', deadline: '2026-12-01T09:30:00.000Z' } };
  it.each([
    ['en', 'Information requested: Reporting <help> & more', 'Please answer by 2026-12-01 09:30 UTC.', 'Open the project'],
    ['fr', "Demande d'informations : Reporting <help> & more", 'Merci de répondre avant le 2026-12-01 09:30 UTC.', 'Ouvrir le projet'],
    ['es', 'Solicitud de información: Reporting <help> & more', 'Sírvase responder antes del 2026-12-01 09:30 UTC.', 'Abrir el proyecto'],
  ] as const)('%s', (language, subject, deadline, link) => {
    const m = renderNotice(notice, language, 'http://127.0.0.1:4000/');
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(deadline);
    expect(m.text).toContain(`${link}: http://127.0.0.1:4000/projects/project-GAB-x`);
    expect(m.html).toContain('Reporting &lt;help&gt; &amp; more');
    expect(m.html).not.toContain('<help>');
  });
  it('bundles a digest with one link per notice', () => {
    const d = renderDigest([notice, { ...notice, topic: 'FUNDING_REMINDER', projectId: 'project-KEN-y', params: { message: 'not covered' } }], 'en', 'http://h');
    expect(d.subject).toBe('palermo daily digest: 2 notices');
    expect(d.text).toContain('http://h/projects/project-GAB-x');
    expect(d.text).toContain('http://h/projects/project-KEN-y');
  });
});
