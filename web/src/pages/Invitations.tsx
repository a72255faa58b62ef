// An expert's invitations: the ones waiting on its answer first, with accept and decline.
import { useState } from 'react';
import { useClient } from 'urql';
import { TextField } from '../components/Fields';
import { ProblemNotice } from '../components/ProblemNotice';
import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { useT, type MessageKey } from '../i18n';
import { ANSWER_INVITATION, MY_INVITATIONS } from '../operations/experts';
import { problemOf, type Problem } from '../outcome';
import type { Session } from '../session';

export default function Invitations({ session }: { session: Session }) {
  const { t, dateTime } = useT();
  const { data, error, pages } = usePages({ query: MY_INVITATIONS, variables: {}, pageSize: 100, connection: (d) => (d.myInvitations.__typename === 'QueryMyInvitationsSuccess' ? d.myInvitations.data : null) });
  if (error) return <p role="alert">{t('common.error', { message: error.message })}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (data.myInvitations.__typename !== 'QueryMyInvitationsSuccess') return <p role="alert">{t('common.error', { message: data.myInvitations.message })}</p>;
  const invitations = pages.nodes;
  return (
    <>
      <h1>{t('inv.heading')}</h1>
      {invitations.length === 0 && <p>{t('inv.none')}</p>}
      <ul className="invitations">
        {invitations.map((inv) => {
          const mine = inv.events.filter((e) => e.expertId === session.subject);
          const last = mine.at(-1);
          const waitingOnMe = inv.status === 'WAITING' && (last?.kind === 'INVITED' || last?.kind === 'REMINDED');
          return (
            <li key={inv.id} className="invitation">
              <h2>{t('inv.title', { slot: inv.slot })}</h2>
              <p>
                {t('inv.need', { need: inv.needId })} · {t(`inv.status.${inv.status}` as MessageKey)}
              </p>
              <ol className="timeline">
                {mine.map((e) => (
                  <li key={e.seq}>
                    {dateTime(e.at)}: {t(`inv.event.${e.kind}` as MessageKey)}
                  </li>
                ))}
              </ol>
              {waitingOnMe && <Answer invitationId={inv.id} onDone={pages.reload} />}
            </li>
          );
        })}
      </ul>
      <ShowMore pages={pages} label={t('more.invitations')} />
    </>
  );
}

function Answer({ invitationId, onDone }: { invitationId: string; onDone: () => void }) {
  const { t } = useT();
  const client = useClient();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  async function answer(accept: boolean) {
    setBusy(true);
    const result = await client.mutation(ANSWER_INVITATION, { invitationId, accept, reason: reason.trim() || null }).toPromise();
    setBusy(false);
    const p = problemOf(result.error ? { __typename: 'Error', code: 'OTHER', message: result.error.message } : result.data?.answerInvitation);
    setProblem(p);
    if (!p) onDone();
  }
  return (
    <form className="action" aria-label={t('inv.answer')} onSubmit={(e) => e.preventDefault()}>
      <TextField label={`${t('inv.reason')} ${t('common.optional')}`} value={reason} onChange={setReason} />
      <button type="button" disabled={busy} onClick={() => void answer(true)}>
        {t('inv.accept')}
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={() => void answer(false)}>
        {t('inv.decline')}
      </button>
      <ProblemNotice problem={problem} />
    </form>
  );
}
