// The manager records that a State reported in a cycle (a questionnaire or checklist answered outside an
// import): its presumed reporting needs are withdrawn with the reason (R8), and the form lists them.
// The form opens from a button (aria-expanded), so the needs pool's own State filter stays the page's one.
import { useId, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { useT } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import { RECORD_STATE_REPORT } from '../operations/needs-records';
import { issueAt, problemOf, type Problem } from '../outcome';
import { SelectField, TextField } from './Fields';
import { ProblemNotice } from './ProblemNotice';

export function StateReportForm({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((o) => !o)}>
        {t('stateReport.heading')}
      </button>
      {open && <ReportForm id={id} onDone={onDone} />}
    </>
  );
}

function ReportForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useT();
  const client = useClient();
  const [{ data: lists }] = useQuery({ query: CODE_LISTS });
  const [state, setState] = useState('');
  const [cycle, setCycle] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [withdrawn, setWithdrawn] = useState<{ state: string; cycle: string; needs: { id: string; description: string }[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const answer = await client.mutation(RECORD_STATE_REPORT, { input: { state, cycle, note: note.trim() || null } }).toPromise();
    setBusy(false);
    const result = answer.data?.recordStateReport;
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : result);
    setProblem(p);
    if (!p && result?.__typename === 'StateReport') {
      setWithdrawn({ state: result.state, cycle: result.cycle, needs: result.withdrawn });
      onDone();
    } else setWithdrawn(null);
  }

  return (
    <form className="action" id={id} onSubmit={(e) => void submit(e)} noValidate aria-label={t('stateReport.heading')}>
      <p className="muted">{t('stateReport.intro')}</p>
      <SelectField label={t('portfolio.state')} name="state" value={state} onChange={setState} required placeholder={t('common.choose')} options={(lists?.codeLists.states ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} error={issueAt(problem, 'state')} />
      <TextField label={t('stateReport.cycle')} name="cycle" value={cycle} onChange={setCycle} required hint={t('stateReport.cycleHint')} error={issueAt(problem, 'cycle')} />
      <TextField label={`${t('stateReport.note')} ${t('common.optional')}`} name="note" value={note} onChange={setNote} multiline error={issueAt(problem, 'note')} />
      <button type="submit" disabled={busy}>
        {t('stateReport.submit')}
      </button>
      <div role="status" className="done">
        {withdrawn && (
          <>
            <p>{t('stateReport.done', { state: withdrawn.state, cycle: withdrawn.cycle, count: withdrawn.needs.length })}</p>
            {withdrawn.needs.length > 0 && (
              <ul>
                {withdrawn.needs.map((n) => (
                  <li key={n.id}>{n.description}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <ProblemNotice problem={problem} />
    </form>
  );
}
