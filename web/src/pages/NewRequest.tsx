// A State focal point files a request: one or more needs, each chosen from the Conference's code lists.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { TextField } from '../components/Fields';
import { emptyNeed, NeedFields, type NeedDraft } from '../components/NeedFields';
import { ProblemNotice } from '../components/ProblemNotice';
import { useT } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import { FILE_REQUEST } from '../operations/lifecycle';
import { issueAt, problemOf, type Problem } from '../outcome';
import type { Session } from '../session';
import { oneOf } from '../vocabulary';
import { URGENCIES } from '../../../domain/code-lists/urgency';

const URGENCY_CODES = URGENCIES.map((u) => u.code);

export default function NewRequest({ session }: { session: Session }) {
  const { t } = useT();
  const [, navigate] = useLocation();
  const [{ data }] = useQuery({ query: CODE_LISTS });
  const [{ fetching }, fileRequest] = useMutation(FILE_REQUEST);
  const [title, setTitle] = useState('');
  const [needs, setNeeds] = useState<NeedDraft[]>([emptyNeed()]);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Chosen once per form: submitting again (a retry) returns the same project.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const lists = data?.codeLists;
  const update = (i: number, patch: Partial<NeedDraft>) => setNeeds((all) => all.map((n, j) => (j === i ? { ...n, ...patch } : n)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Urgency is an enum of the schema: one not chosen is refused here, at its field, before the request.
    const drafts = needs.map((n) => ({ ...n, urgency: oneOf(URGENCY_CODES, n.urgency), article: n.article.trim() || undefined }));
    const unchosen = drafts.flatMap((n, i) => (n.urgency ? [] : [{ field: `input.needs.${i}.urgency`, message: t('form.choiceRequired') }]));
    if (unchosen.length > 0) {
      setProblem({ code: 'VALIDATION_FAILED', message: '', issues: unchosen });
      return;
    }
    const result = await fileRequest({
      input: {
        state: session.state ?? '',
        title,
        idempotencyKey,
        needs: drafts.flatMap(({ urgency, ...n }) => (urgency ? [{ ...n, urgency }] : [])),
      },
    });
    const answer = result.data?.fileRequest;
    const p = problemOf(result.error ? { __typename: 'Error', code: 'OTHER', message: result.error.message } : answer);
    setProblem(p);
    if (!p && answer?.__typename === 'FiledRequest') navigate(`/projects/${encodeURIComponent(answer.project.id)}`);
  }

  return (
    <>
      <h1>{t('request.heading')}</h1>
      <p>{t('request.intro')}</p>
      <form onSubmit={submit} className="request" noValidate>
        <ProblemNotice problem={problem} />
        <TextField label={t('request.title')} value={title} onChange={setTitle} required name="title" error={issueAt(problem, 'title')} />
        {needs.map((n, i) => (
          <fieldset key={i} className="need">
            <legend>{t('request.need', { n: i + 1 })}</legend>
            <NeedFields need={n} onChange={(patch) => update(i, patch)} lists={lists} problem={problem} path={`needs.${i}.`} />
            {needs.length > 1 && (
              <button type="button" className="secondary" onClick={() => setNeeds((all) => all.filter((_, j) => j !== i))}>
                {t('request.removeNeed', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <div className="row">
          <button type="button" className="secondary" onClick={() => setNeeds((all) => [...all, emptyNeed()])}>
            {t('request.addNeed')}
          </button>
          <button type="submit" disabled={fetching}>
            {t('request.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
