// One need's fields, chosen from the Conference's code lists: the request form (a need per fieldset) and
// the manager's recorded need use the same ones. `path` prefixes the fields' names and the API's issue
// paths (`needs.0.` in a request, nothing in a recorded need).
import { useT } from '../i18n';
import type { ResultOf } from '../graphql';
import type { CODE_LISTS } from '../operations/common';
import { issueAt, type Problem } from '../outcome';
import { CheckboxGroup, SelectField, TextField } from './Fields';

export interface NeedDraft {
  priorityArea: string;
  priorityActivity: string;
  instrument: string;
  article: string;
  formsOfAssistance: string[];
  urgency: string;
  description: string;
}

export const emptyNeed = (): NeedDraft => ({ priorityArea: '', priorityActivity: '', instrument: '', article: '', formsOfAssistance: [], urgency: '', description: '' });

type Lists = ResultOf<typeof CODE_LISTS>['codeLists'] | undefined;

export const codeOptions = (list: readonly { code: string; title: string }[] | undefined) => (list ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.title}` }));

export function NeedFields({ need, onChange, lists, problem, path = '' }: { need: NeedDraft; onChange: (patch: Partial<NeedDraft>) => void; lists: Lists; problem: Problem | null; path?: string }) {
  const { t, code } = useT();
  return (
    <>
      <SelectField label={t('request.priorityArea')} name={`${path}priorityArea`} value={need.priorityArea} onChange={(v) => onChange({ priorityArea: v })} options={codeOptions(lists?.priorityAreas)} placeholder={t('common.choose')} required error={issueAt(problem, `${path}priorityArea`)} />
      <SelectField label={t('request.priorityActivity')} name={`${path}priorityActivity`} value={need.priorityActivity} onChange={(v) => onChange({ priorityActivity: v })} options={codeOptions(lists?.priorityActivities)} placeholder={t('common.choose')} required error={issueAt(problem, `${path}priorityActivity`)} />
      <SelectField label={t('request.instrument')} name={`${path}instrument`} value={need.instrument} onChange={(v) => onChange({ instrument: v })} options={codeOptions(lists?.instruments)} placeholder={t('common.choose')} required error={issueAt(problem, `${path}instrument`)} />
      <TextField label={`${t('request.article')} ${t('common.optional')}`} name={`${path}article`} value={need.article} onChange={(v) => onChange({ article: v })} error={issueAt(problem, `${path}article`)} />
      <CheckboxGroup legend={t('request.forms')} options={codeOptions(lists?.formsOfAssistance)} values={need.formsOfAssistance} onChange={(v) => onChange({ formsOfAssistance: v })} error={issueAt(problem, `${path}formsOfAssistance`)} />
      <SelectField label={t('request.urgency')} name={`${path}urgency`} value={need.urgency} onChange={(v) => onChange({ urgency: v })} options={(lists?.urgencies ?? []).map((u) => ({ value: u.code, label: code('urgency', u.code) }))} placeholder={t('common.choose')} required error={issueAt(problem, `${path}urgency`)} />
      <TextField label={t('request.description')} name={`${path}description`} value={need.description} onChange={(v) => onChange({ description: v })} multiline required error={issueAt(problem, `${path}description`)} />
    </>
  );
}
