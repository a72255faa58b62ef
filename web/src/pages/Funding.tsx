// A donor's projects open for funding, each with its gap (budget less pledges, in the budget's currency,
// formatted for the user's locale), and a pledge of cash or in kind, earmarked (or not) to one of the
// project's priority areas. The donor pledges as its organisation (the API records the token's org claim).
import { useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { Link } from 'wouter';
import { SelectField, TextField } from '../components/Fields';
import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { SubmitWithOutcome } from '../components/ProblemNotice';
import { useT, type MessageKey } from '../i18n';
import { FUNDING_PROJECTS, PLEDGE } from '../operations/roles-donor';
import { issueAt, problemOf, type Problem } from '../outcome';
import { oneOf } from '../vocabulary';
import type { Session } from '../session';

// The API's pledge kinds (domain/lifecycle-inputs.ts PLEDGE_KINDS), checked against it by type only so
// the page does not pull zod into the browser.
type PledgeKind = (typeof import('../../../domain/lifecycle-inputs'))['PLEDGE_KINDS'][number];
export const PLEDGE_KINDS = ['CASH', 'IN_KIND_EXPERTISE', 'IN_KIND_FACILITIES', 'IN_KIND_EQUIPMENT'] as const satisfies readonly PledgeKind[];
type Missing = Exclude<PledgeKind, (typeof PLEDGE_KINDS)[number]>;
const allKinds: [Missing] extends [never] ? true : never = true;
void allKinds;

export default function Funding({ session }: { session: Session }) {
  const { t, money, date } = useT();
  const { data, error, pages } = usePages({ query: FUNDING_PROJECTS, variables: { filter: { stage: 'AWAITING_FUNDING' } }, pageSize: 50, connection: (d) => (d.projects.__typename === 'QueryProjectsSuccess' ? d.projects.data : null) });
  const result = data?.projects;
  const open = pages.nodes.filter((p) => p.stage === 'AWAITING_FUNDING');
  return (
    <>
      <h1>{t('roles.funding.heading')}</h1>
      <p>{t('roles.funding.intro', { organisation: session.organisation ?? '' })}</p>
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      {result && result.__typename !== 'QueryProjectsSuccess' && <p role="alert">{t('common.error', { message: result.message })}</p>}
      {!data && <p role="status">{t('common.loading')}</p>}
      {data && open.length === 0 && <p>{t('roles.funding.none')}</p>}
      <ul className="funding">
        {open.map((p) => {
          const areas = [...new Set(p.needs.map((n) => n.priorityArea))].sort();
          const currency = p.budget?.currency ?? 'USD';
          return (
            <li key={p.id} className="invitation">
              <h2>
                <Link href={`/projects/${encodeURIComponent(p.id)}`}>{p.title}</Link>
              </h2>
              <dl className="facts">
                <div>
                  <dt>{t('roles.funding.states')}</dt>
                  <dd>{p.states.join(', ')}</dd>
                </div>
                <div>
                  <dt>{t('roles.funding.areas')}</dt>
                  <dd>{areas.join(', ')}</dd>
                </div>
                <div>
                  <dt>{t('roles.funding.budget')}</dt>
                  <dd>{p.budget ? money(p.budget.amount, currency) : '—'}</dd>
                </div>
                <div>
                  <dt>{t('roles.funding.pledged')}</dt>
                  <dd>{money(p.pledgedAmount, currency)}</dd>
                </div>
                <div>
                  <dt>{t('roles.funding.gap')}</dt>
                  <dd>
                    <strong>{money(p.fundingGap, currency)}</strong>
                  </dd>
                </div>
              </dl>
              {p.pledges.length > 0 && (
                <p className="muted">
                  {t('roles.funding.yourPledges')}{' '}
                  {p.pledges.map((pl) => `${money(pl.amount, pl.currency)} (${t(`roles.kind.${pl.kind}` as MessageKey)}${pl.earmarkPriorityArea ? `, ${pl.earmarkPriorityArea}` : ''}, ${date(pl.at)})`).join('; ')}
                </p>
              )}
              <PledgeForm organisation={session.organisation ?? ''} projectId={p.id} title={p.title} currency={currency} areas={areas} onDone={pages.reload} />
            </li>
          );
        })}
      </ul>
      <ShowMore pages={pages} label={t('more.projects')} />
    </>
  );
}

function PledgeForm({ organisation, projectId, title, currency, areas, onDone }: { organisation: string; projectId: string; title: string; currency: string; areas: string[]; onDone: () => void }) {
  const { t, money } = useT();
  const client = useClient();
  const [amount, setAmount] = useState('');
  const [kind, setKind] = useState<(typeof PLEDGE_KINDS)[number]>('CASH');
  const [earmark, setEarmark] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    // One key per pledge the donor means to make: a retry of the same click is applied once.
    const input = { projectId, donor: organisation, amount: amount.trim(), currency, kind, earmarkPriorityArea: earmark || null, idempotencyKey: crypto.randomUUID() };
    const answer = await client.mutation(PLEDGE, { input }).toPromise();
    setBusy(false);
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.pledge);
    setProblem(p);
    if (!p) {
      setDone(t('roles.pledge.done', { amount: money(input.amount, currency), title }));
      setAmount('');
      onDone();
    } else setDone('');
  }

  return (
    <form className="action" onSubmit={submit} noValidate aria-label={t('roles.pledge.formFor', { title })}>
      <TextField label={t('roles.pledge.amount', { currency })} value={amount} onChange={setAmount} required error={issueAt(problem, 'amount')} />
      <SelectField label={t('roles.pledge.kind')} value={kind} onChange={(v) => setKind(oneOf(PLEDGE_KINDS, v) ?? kind)} required placeholder={t('common.choose')} options={PLEDGE_KINDS.map((k) => ({ value: k, label: t(`roles.kind.${k}`) }))} error={issueAt(problem, 'kind')} />
      <SelectField label={t('roles.pledge.earmark')} value={earmark} onChange={setEarmark} placeholder={t('roles.pledge.noEarmark')} options={areas.map((a) => ({ value: a, label: a }))} error={issueAt(problem, 'earmarkPriorityArea')} />
      <SubmitWithOutcome label={t('roles.pledge.submit')} busy={busy} done={done} problem={problem} />
    </form>
  );
}
