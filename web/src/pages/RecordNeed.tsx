// The programme manager records a need raised outside a request: by a field office, an adviser or mentor,
// UNODC outreach (who raised it), or during a training event, a workshop or a needs assessment (the
// project it came from). The need's own fields are the request form's (components/NeedFields.tsx).
import { useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { Link } from 'wouter';
import { SelectField, TextField } from '../components/Fields';
import { emptyNeed, NeedFields, type NeedDraft } from '../components/NeedFields';
import { FIELD_OPTIONS } from '../components/NeedSettings';
import { ProblemNotice } from '../components/ProblemNotice';
import { useT, type MessageKey } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import { RECORD_NEED } from '../operations/needs-records';
import { issueAt, problemOf, type Problem } from '../outcome';
import { oneOf } from '../vocabulary';
import { RECORDED_SOURCES } from '../../../domain/needs/recorded-sources';

const SOURCES = Object.keys(RECORDED_SOURCES) as (keyof typeof RECORDED_SOURCES)[];

export default function RecordNeed() {
  const { t } = useT();
  const client = useClient();
  const [{ data }] = useQuery({ query: CODE_LISTS });
  const lists = data?.codeLists;
  const [state, setState] = useState('');
  const [source, setSource] = useState('');
  const [raisedBy, setRaisedBy] = useState('');
  const [parentProjectId, setParentProjectId] = useState('');
  const [field, setField] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [need, setNeed] = useState<NeedDraft>(emptyNeed);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [recorded, setRecorded] = useState<{ id: string; description: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per need the manager means to record: a retry of the same submission records it once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const chosen = oneOf(SOURCES, source);
  const names = chosen ? RECORDED_SOURCES[chosen] : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The source is an enum of the schema: one not chosen is refused here, at its field.
    if (!chosen) {
      setProblem({ code: 'VALIDATION_FAILED', message: '', issues: [{ field: 'input.source', message: t('form.choiceRequired') }] });
      return;
    }
    setBusy(true);
    const input = {
      ...need,
      article: need.article.trim() || null,
      state,
      source: chosen,
      raisedBy: names === 'RAISED_BY' ? raisedBy : null,
      parentProjectId: names === 'PARENT_PROJECT' ? parentProjectId.trim() : null,
      fieldOfExpertise: field || null,
      confidential,
      idempotencyKey,
    };
    const answer = await client.mutation(RECORD_NEED, { input }).toPromise();
    setBusy(false);
    const result = answer.data?.recordNeed;
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : result);
    setProblem(p);
    if (!p && result?.__typename === 'Need') {
      setRecorded({ id: result.id, description: result.description });
      setNeed(emptyNeed());
      setRaisedBy('');
      setParentProjectId('');
      setField('');
      setConfidential(false);
      setIdempotencyKey(crypto.randomUUID());
    } else setRecorded(null);
  }

  return (
    <>
      <h1>{t('needRec.heading')}</h1>
      <p>{t('needRec.intro')}</p>
      <p>
        <Link href="/needs">{t('needRec.back')}</Link>
      </p>
      <form onSubmit={(e) => void submit(e)} className="request" noValidate aria-label={t('needRec.heading')}>
        <ProblemNotice problem={problem} />
        <div role="status" className="done">
          {recorded && t('needRec.done', { need: recorded.description, id: recorded.id })}
        </div>
        <SelectField label={t('portfolio.state')} name="state" value={state} onChange={setState} required placeholder={t('common.choose')} options={(lists?.states ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} error={issueAt(problem, 'state')} />
        <SelectField label={t('needRec.source')} name="source" value={source} onChange={setSource} required placeholder={t('common.choose')} options={SOURCES.map((s) => ({ value: s, label: t(`needRec.source.${s}` as MessageKey) }))} error={issueAt(problem, 'source')} />
        {names === 'RAISED_BY' && <TextField label={t('needRec.raisedBy')} name="raisedBy" value={raisedBy} onChange={setRaisedBy} required hint={t('needRec.raisedByHint')} error={issueAt(problem, 'raisedBy')} />}
        {names === 'PARENT_PROJECT' && <TextField label={t('needRec.parentProject')} name="parentProjectId" value={parentProjectId} onChange={setParentProjectId} required hint={t('needRec.parentProjectHint')} error={issueAt(problem, 'parentProjectId')} />}
        <fieldset className="need">
          <legend>{t('needRec.need')}</legend>
          <NeedFields need={need} onChange={(patch) => setNeed((n) => ({ ...n, ...patch }))} lists={lists} problem={problem} />
        </fieldset>
        <SelectField
          label={`${t('needRec.field')} ${t('common.optional')}`}
          name="fieldOfExpertise"
          value={field}
          onChange={setField}
          placeholder={t('needRec.fieldInferOption')}
          options={FIELD_OPTIONS}
          error={issueAt(problem, 'fieldOfExpertise')}
        />
        <div className="field">
          <label className="check">
            <input type="checkbox" name="confidential" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} /> {t('needRec.confidential')}
          </label>
        </div>
        <button type="submit" disabled={busy}>
          {t('needRec.submit')}
        </button>
      </form>
    </>
  );
}
