// Fields the manager's forms need beyond components/Fields.tsx: a date, and a choice among options
// of which some are not choosable and say why (radio buttons, each labelled, the reason tied to it).
import { useId } from 'react';

export function DateField({ label, value, onChange, error, required }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; required?: boolean }) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} required={required} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)} />
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: string;
  /** Why this option may not be chosen; shown beside it. */
  disabledReason?: string | undefined;
}

export function RadioGroup({ legend, name, options, value, onChange, error }: { legend: string; name: string; options: RadioOption[]; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <fieldset className={`checks radios${error ? ' invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o, i) => (
        <div key={o.value} className={`radio${o.disabledReason ? ' disabled' : ''}`}>
          <label className="check">
            <input type="radio" name={name} value={o.value} checked={value === o.value} disabled={Boolean(o.disabledReason)} aria-describedby={o.disabledReason ? `${id}-why-${i}` : undefined} onChange={() => onChange(o.value)} /> {o.label}
          </label>
          {o.disabledReason && (
            <span className="why" id={`${id}-why-${i}`}>
              {o.disabledReason}
            </span>
          )}
        </div>
      ))}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/**
 * Codes to tick, each labelled by its code and described by its full name (e.g. "LAS", League of
 * Arab States): the label stays short and unambiguous, the name is read out as the description.
 */
export function CodeChecks({ legend, options, values, onChange, error }: { legend: string; options: readonly { code: string; title: string }[]; values: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <fieldset className={`checks${error ? ' invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="check-grid">
        {options.map((o) => (
          <div key={o.code} className="check">
            <input
              id={`${id}-${o.code}`}
              type="checkbox"
              value={o.code}
              checked={values.includes(o.code)}
              aria-describedby={`${id}-${o.code}-title`}
              onChange={(e) => onChange(e.target.checked ? [...values, o.code] : values.filter((v) => v !== o.code))}
            />{' '}
            <label htmlFor={`${id}-${o.code}`}>{o.code}</label>{' '}
            <span id={`${id}-${o.code}-title`} className="muted">
              {o.title}
            </span>
          </div>
        ))}
      </div>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
