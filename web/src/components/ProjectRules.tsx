// The rules of issue 15 on a project page: the project's rule warnings (R3, R6, R7, R13, R14) with
// the rule and its reason, the States' consents to visits and the evaluation visits recorded; and,
// for a State focal point, consenting to visits of the evaluation panel (consentToVisit).
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { useT, type MessageKey } from '../i18n';
import { CONSENT_TO_VISIT, PROJECT_RULES, RULE_WARNINGS } from '../operations/rules';
import { issueAt, problemOf, type Problem } from '../outcome';
import { Section, TextField } from './Fields';
import { ProblemNotice } from './ProblemNotice';

export function ProjectRules({ projectId, generation, warnings, canConsent, onDone }: { projectId: string; generation: number; warnings: boolean; canConsent?: boolean; onDone?: () => void }) {
  const { t, date } = useT();
  // generation is bumped by the page after each action: the warnings and consents are read afresh.
  const [{ data }, refetch] = useQuery({ query: PROJECT_RULES, variables: { id: projectId } });
  const [{ data: warned }, refetchWarnings] = useQuery({ query: RULE_WARNINGS, variables: { id: projectId }, pause: !warnings });
  useEffect(() => {
    if (generation === 0) return;
    refetch({ requestPolicy: 'network-only' });
    if (warnings) refetchWarnings({ requestPolicy: 'network-only' });
  }, [generation, refetch, refetchWarnings, warnings]);
  const p = data?.project.__typename === 'Project' ? data.project : null;
  if (!p) return null;
  const ruleWarnings = warned?.project.__typename === 'Project' ? warned.project.ruleWarnings : null;
  return (
    <Section title={t('rules.heading')}>
      {ruleWarnings && <h4 id={`warnings-${projectId}`}>{t('rules.warnings')}</h4>}
      {!ruleWarnings ? null : ruleWarnings.length === 0 ? (
        <p>{t('rules.noWarnings')}</p>
      ) : (
        <ul className="rule-warnings" aria-labelledby={`warnings-${projectId}`} data-testid="rule-warnings">
          {ruleWarnings.map((w, i) => (
            <li key={`${w.rule}-${w.needId ?? ''}-${i}`} data-rule={w.rule}>
              <strong>{t(`rules.rule.${w.rule}` as MessageKey)}</strong> {w.needId ? t('rules.forNeed', { need: w.needId }) : ''} {w.reason}
            </li>
          ))}
        </ul>
      )}
      <h4 id={`consents-${projectId}`}>{t('rules.consents')}</h4>
      {p.visitConsents.length === 0 ? (
        <p>{t('rules.noConsents')}</p>
      ) : (
        <ul aria-labelledby={`consents-${projectId}`} data-testid="visit-consents">
          {p.visitConsents.map((c) => (
            <li key={c.state}>{t('rules.consentLine', { state: c.state, date: date(c.at), note: c.note ?? '' })}</li>
          ))}
        </ul>
      )}
      {p.evaluationVisits.length > 0 && (
        <>
          <h4 id={`visits-${projectId}`}>{t('rules.visits')}</h4>
          <ul aria-labelledby={`visits-${projectId}`} data-testid="evaluation-visits">
            {p.evaluationVisits.map((v) => (
              <li key={`${v.state}-${v.at}`}>{t('rules.visitLine', { state: v.state, from: date(v.startDate), to: date(v.endDate), purpose: v.purpose })}</li>
            ))}
          </ul>
        </>
      )}
      {canConsent && (
        <ConsentForm
          key={generation}
          projectId={projectId}
          onDone={() => {
            refetch({ requestPolicy: 'network-only' });
            onDone?.();
          }}
        />
      )}
    </Section>
  );
}

/** consentToVisit: the focal point consents for its own State (the API takes the State from the session). */
function ConsentForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t, code } = useT();
  const client = useClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const r = await client.mutation(CONSENT_TO_VISIT, { input: { projectId, idempotencyKey, ...(note.trim() ? { note: note.trim() } : {}) } }).toPromise();
    setBusy(false);
    const p = r.error ? { code: 'OTHER', message: r.error.message, issues: [] } : problemOf(r.data?.consentToVisit);
    setProblem(p);
    if (!p) {
      setDone(true);
      onDone();
    }
  }
  const label = code('action', 'consentToVisit');
  return (
    <form className="action" onSubmit={onSubmit} aria-label={label}>
      <TextField label={`${t('rules.consentNote')} ${t('common.optional')}`} value={note} onChange={setNote} error={issueAt(problem, 'note')} />
      <button type="submit" disabled={busy} data-action="consentToVisit">
        {label}
      </button>
      <p role="status">{done ? t('action.done', { action: label }) : ''}</p>
      <ProblemNotice problem={problem} />
    </form>
  );
}
