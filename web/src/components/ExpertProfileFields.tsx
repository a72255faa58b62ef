// The parts of an expert's profile a person edits by hand: fields of expertise (the roster's taxonomy
// from domain/expertise.ts), languages with their CEFR level, availability windows and capacity. Used
// by the expert's own profile page and by the focal point's nomination form.
import { useId } from 'react';
import { EXPERTISE_FIELDS } from '../../../domain/expertise';
import { LANGUAGES, LEVELS } from '../../../domain/languages';
import { useT } from '../i18n';
import { choiceMissing, issueAt, type Problem } from '../outcome';
import { oneOf } from '../vocabulary';
import { DateField, SelectField, TextField } from './Fields';

export interface ProfileDraft {
  fields: string[];
  languages: { language: string; level: string }[];
  availability: { from: string; to: string }[];
  capacity: string;
}

export const emptyProfile = (): ProfileDraft => ({ fields: [], languages: [{ language: '', level: '' }], availability: [], capacity: '1' });

/** A language row with no level chosen: refused at its field before sending (the level is an enum). */
export function unchosenLevel(draft: ProfileDraft, prefix: string, message: string) {
  const i = draft.languages.findIndex((l) => (l.language || l.level) && !oneOf(LEVELS, l.level));
  return i < 0 ? null : choiceMissing(`${prefix}languages.${i}.level`, message);
}

/** The draft as the API's ExpertProfileInput parts; empty rows left out, capacity as a whole number. */
export function profileInput(draft: ProfileDraft) {
  return {
    fields: draft.fields,
    languages: draft.languages.flatMap((l) => {
      const level = oneOf(LEVELS, l.level);
      return level ? [{ language: l.language, level }] : [];
    }),
    availability: draft.availability.filter((w) => w.from || w.to),
    capacity: draft.capacity.trim() === '' ? null : Number(draft.capacity),
  };
}

const GROUPS = EXPERTISE_FIELDS.filter((f) => f.parent === null);

export function ExpertProfileFields({ draft, onChange, problem, prefix }: { draft: ProfileDraft; onChange: (d: ProfileDraft) => void; problem: Problem | null; prefix: string }) {
  const { t } = useT();
  const id = useId();
  const at = (path: string) => issueAt(problem, `${prefix}${path}`);
  const set = (patch: Partial<ProfileDraft>) => onChange({ ...draft, ...patch });
  const fieldsError = at('fields');
  return (
    <>
      <fieldset className={`checks${fieldsError ? ' invalid' : ''}`} aria-describedby={fieldsError ? `${id}-fields-error` : undefined}>
        <legend>{t('roles.profile.fields')}</legend>
        {fieldsError && (
          <p className="field-error" id={`${id}-fields-error`}>
            {fieldsError}
          </p>
        )}
        {GROUPS.map((g) => (
          <details key={g.code} open={draft.fields.some((f) => f === g.code || f.startsWith(`${g.code}.`))}>
            <summary>{g.title}</summary>
            <div className="check-grid">
              {EXPERTISE_FIELDS.filter((f) => f.code === g.code || f.parent === g.code).map((f) => (
                <label key={f.code} className="check">
                  <input
                    type="checkbox"
                    value={f.code}
                    checked={draft.fields.includes(f.code)}
                    onChange={(e) => set({ fields: e.target.checked ? [...draft.fields, f.code] : draft.fields.filter((x) => x !== f.code) })}
                  />{' '}
                  {f.parent ? f.title : t('roles.profile.wholeGroup', { group: f.title })}
                </label>
              ))}
            </div>
          </details>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('roles.profile.languages')}</legend>
        {at('languages') && <p className="field-error">{at('languages')}</p>}
        {draft.languages.map((l, i) => (
          <div className="row" key={i}>
            <SelectField
              label={t('roles.profile.language', { n: i + 1 })}
              value={l.language}
              onChange={(v) => set({ languages: draft.languages.map((x, j) => (j === i ? { ...x, language: v } : x)) })}
              options={LANGUAGES.map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))}
              placeholder={t('common.choose')}
              error={at(`languages.${i}.language`) ?? at(`languages.${i}`)}
            />
            <SelectField
              label={t('roles.profile.level', { n: i + 1 })}
              value={l.level}
              onChange={(v) => set({ languages: draft.languages.map((x, j) => (j === i ? { ...x, level: v } : x)) })}
              options={LEVELS.map((x) => ({ value: x, label: x === 'NATIVE' ? t('roles.profile.native') : x }))}
              placeholder={t('common.choose')}
              error={at(`languages.${i}.level`)}
            />
            <button type="button" className="secondary" onClick={() => set({ languages: draft.languages.filter((_, j) => j !== i) })}>
              {t('roles.profile.removeLanguage', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set({ languages: [...draft.languages, { language: '', level: '' }] })}>
          {t('roles.profile.addLanguage')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('roles.profile.availability')}</legend>
        {draft.availability.length === 0 && <p className="muted">{t('roles.profile.noWindows')}</p>}
        {draft.availability.map((w, i) => (
          <div className="row" key={i}>
            <DateField label={t('roles.profile.from', { n: i + 1 })} value={w.from} onChange={(v) => set({ availability: draft.availability.map((x, j) => (j === i ? { ...x, from: v } : x)) })} error={at(`availability.${i}.from`)} />
            <DateField label={t('roles.profile.to', { n: i + 1 })} value={w.to} onChange={(v) => set({ availability: draft.availability.map((x, j) => (j === i ? { ...x, to: v } : x)) })} error={at(`availability.${i}.to`)} />
            <button type="button" className="secondary" onClick={() => set({ availability: draft.availability.filter((_, j) => j !== i) })}>
              {t('roles.profile.removeWindow', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set({ availability: [...draft.availability, { from: '', to: '' }] })}>
          {t('roles.profile.addWindow')}
        </button>
      </fieldset>

      <TextField type="number" label={t('roles.profile.capacity')} hint={t('roles.profile.capacityHint')} value={draft.capacity} onChange={(v) => set({ capacity: v })} error={at('capacity')} />
    </>
  );
}
