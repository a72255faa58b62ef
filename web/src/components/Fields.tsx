// Labelled form fields: every input has a <label>, and an error is tied to its field (aria-describedby).
import { useId, type ReactNode } from 'react';

interface Common {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
}

function Described({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </>
  );
}

const describedBy = (id: string, error?: string, hint?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField({ label, error, hint, required, value, onChange, type = 'text', multiline, name }: Common & { value: string; onChange: (v: string) => void; type?: 'text' | 'number'; multiline?: boolean; name?: string }) {
  const id = useId();
  const props = {
    id,
    name,
    value,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
  };
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...props} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type={type} step={type === 'number' ? 'any' : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      <Described id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({ label, error, hint, required, value, onChange, options, placeholder, name }: Common & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder: string; name?: string }) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Described id={id} error={error} hint={hint} />
    </div>
  );
}

/** A date field (YYYY-MM-DD), labelled, with its error tied to it. */
export function DateField({ label, value, onChange, error, required }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; required?: boolean }) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} required={required} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)} />
      <Described id={id} error={error} />
    </div>
  );
}

/** Checkboxes or radio buttons under their legend, the group's error tied to it (`id` from the group's useId). */
export function ChoiceFieldset({ id, legend, error, radios, children }: { id: string; legend: string; error?: string | undefined; radios?: boolean; children: ReactNode }) {
  return (
    <fieldset className={`checks${radios ? ' radios' : ''}${error ? ' invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {children}
      <Described id={id} error={error} />
    </fieldset>
  );
}

export function CheckboxGroup({ legend, error, options, values, onChange }: { legend: string; error?: string | undefined; options: { value: string; label: string }[]; values: string[]; onChange: (v: string[]) => void }) {
  const id = useId();
  return (
    <ChoiceFieldset id={id} legend={legend} error={error}>
      <div className="check-grid">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              value={o.value}
              checked={values.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const hid = useId();
  return (
    <section aria-labelledby={hid} id={id}>
      <h2 id={hid}>{title}</h2>
      {children}
    </section>
  );
}
