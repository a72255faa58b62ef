// A need's field of expertise (matching ranks by it) and its confidentiality (R14: hidden from donors and
// other States), set by the programme manager or by the focal point of the need's State. Folded under the
// need (a native disclosure, keyboard usable); a refusal is shown at its field.
import { useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { EXPERTISE_FIELDS } from '../../../domain/expertise';
import { useT } from '../i18n';
import { SET_NEED_CONFIDENTIAL, SET_NEED_FIELD } from '../operations/needs-records';
import { issueAt, problemOf, type Problem } from '../outcome';
import { SelectField } from './Fields';
import { SubmitWithOutcome } from './ProblemNotice';

/** The roster's taxonomy as choices, a field named with its group. */
export const FIELD_OPTIONS = EXPERTISE_FIELDS.map((f) => ({ value: f.code, label: f.parent ? `${EXPERTISE_FIELDS.find((g) => g.code === f.parent)?.title ?? f.parent} › ${f.title}` : f.title }));

export interface NeedSettingsOf {
  id: string;
  description: string;
  confidential: boolean;
  field: { field: string; from: string } | null;
}

export function NeedSettings({ need, onDone }: { need: NeedSettingsOf; onDone: () => void }) {
  const { t } = useT();
  const client = useClient();
  const set = need.field?.from === 'SET' ? need.field.field : '';
  const [field, setField] = useState(set);
  const [confidential, setConfidential] = useState(need.confidential);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const label = (code: string) => FIELD_OPTIONS.find((o) => o.value === code)?.label ?? code;
  const current = need.field ? t(need.field.from === 'SET' ? 'needRec.fieldSet' : 'needRec.fieldInferred', { field: label(need.field.field) }) : t('needRec.noField');

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    let p: Problem | null = null;
    // Each is its own record in the need's history: only what changed is sent.
    if (field !== set) {
      const answer = await client.mutation(SET_NEED_FIELD, { input: { needId: need.id, field: field || null } }).toPromise();
      p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.setNeedField);
    }
    if (!p && confidential !== need.confidential) {
      const answer = await client.mutation(SET_NEED_CONFIDENTIAL, { input: { needId: need.id, confidential } }).toPromise();
      p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.setNeedConfidential);
    }
    setBusy(false);
    setProblem(p);
    setDone(p ? '' : t('needRec.saved'));
    if (!p) onDone();
  }

  return (
    <details className="need-settings">
      <summary>
        {t('needRec.settings')}: {current}
        {need.confidential ? ` · ${t('needRec.confidentialMark')}` : ''}
      </summary>
      <form className="action" onSubmit={(e) => void save(e)} noValidate aria-label={t('needRec.settingsFor', { need: need.description })}>
        <SelectField label={t('needRec.field')} name="field" value={field} onChange={setField} options={FIELD_OPTIONS} placeholder={t('needRec.fieldInferOption')} error={issueAt(problem, 'field')} />
        <div className={`field${issueAt(problem, 'confidential') ? ' invalid' : ''}`}>
          <label className="check">
            <input type="checkbox" name="confidential" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} /> {t('needRec.confidential')}
          </label>
        </div>
        <SubmitWithOutcome label={t('needRec.save')} busy={busy} done={done} problem={problem} />
      </form>
    </details>
  );
}
