// A State focal point files a request: one or more needs, each chosen from the Conference's code lists.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { CheckboxGroup, SelectField, TextField } from '../components/Fields';
import { ProblemNotice } from '../components/ProblemNotice';
import { useT } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import { FILE_REQUEST } from '../operations/lifecycle';
import { issueAt, problemOf, type Problem } from '../outcome';
import type { Session } from '../session';
import { oneOf } from '../vocabulary';
import { URGENCIES } from '../../../domain/code-lists/urgency';

const URGENCY_CODES = URGENCIES.map((u) => u.code);

interface NeedDraft {
  priorityArea: string;
  priorityActivity: string;
  instrument: string;
  article: string;
  formsOfAssistance: string[];
  urgency: string;
  description: string;
}

const emptyNeed = (): NeedDraft => ({ priorityArea: '', priorityActivity: '', instrument: '', article: '', formsOfAssistance: [], urgency: '', description: '' });

export default function NewRequest({ session }: { session: Session }) {
  const { t, code } = useT();
  const [, navigate] = useLocation();
  const [{ data }] = useQuery({ query: CODE_LISTS });
  const [{ fetching }, fileRequest] = useMutation(FILE_REQUEST);
  const [title, setTitle] = useState('');
  const [needs, setNeeds] = useState<NeedDraft[]>([emptyNeed()]);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Chosen once per form: submitting again (a retry) returns the same project.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const lists = data?.codeLists;
  const opts = (list: readonly { code: string; title: string }[] | undefined) => (list ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.title}` }));
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
            <SelectField label={t('request.priorityArea')} name={`needs.${i}.priorityArea`} value={n.priorityArea} onChange={(v) => update(i, { priorityArea: v })} options={opts(lists?.priorityAreas)} placeholder={t('common.choose')} required error={issueAt(problem, `needs.${i}.priorityArea`)} />
            <SelectField label={t('request.priorityActivity')} name={`needs.${i}.priorityActivity`} value={n.priorityActivity} onChange={(v) => update(i, { priorityActivity: v })} options={opts(lists?.priorityActivities)} placeholder={t('common.choose')} required error={issueAt(problem, `needs.${i}.priorityActivity`)} />
            <SelectField label={t('request.instrument')} name={`needs.${i}.instrument`} value={n.instrument} onChange={(v) => update(i, { instrument: v })} options={opts(lists?.instruments)} placeholder={t('common.choose')} required error={issueAt(problem, `needs.${i}.instrument`)} />
            <TextField label={`${t('request.article')} ${t('common.optional')}`} name={`needs.${i}.article`} value={n.article} onChange={(v) => update(i, { article: v })} error={issueAt(problem, `needs.${i}.article`)} />
            <CheckboxGroup legend={t('request.forms')} options={opts(lists?.formsOfAssistance)} values={n.formsOfAssistance} onChange={(v) => update(i, { formsOfAssistance: v })} error={issueAt(problem, `needs.${i}.formsOfAssistance`)} />
            <SelectField label={t('request.urgency')} name={`needs.${i}.urgency`} value={n.urgency} onChange={(v) => update(i, { urgency: v })} options={(lists?.urgencies ?? []).map((u) => ({ value: u.code, label: code('urgency', u.code) }))} placeholder={t('common.choose')} required error={issueAt(problem, `needs.${i}.urgency`)} />
            <TextField label={t('request.description')} name={`needs.${i}.description`} value={n.description} onChange={(v) => update(i, { description: v })} multiline required error={issueAt(problem, `needs.${i}.description`)} />
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
