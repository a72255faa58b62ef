// Fields the manager's forms need beyond components/Fields.tsx: a choice among options of which some
// are not choosable and say why (radio buttons, each labelled, the reason tied to it), and codes to tick.
import { useId } from 'react';
import { ChoiceFieldset } from './Fields';

export interface RadioOption {
  value: string;
  label: string;
  /** Why this option may not be chosen; shown beside it. */
  disabledReason?: string | undefined;
}

export function RadioGroup({ legend, name, options, value, onChange, error }: { legend: string; name: string; options: RadioOption[]; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <ChoiceFieldset id={id} legend={legend} error={error} radios>
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
    </ChoiceFieldset>
  );
}

/**
 * Codes to tick, each labelled by its code and described by its full name (e.g. "LAS", League of
 * Arab States): the label stays short and unambiguous, the name is read out as the description.
 */
export function CodeChecks({ legend, options, values, onChange, error }: { legend: string; options: readonly { code: string; title: string }[]; values: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <ChoiceFieldset id={id} legend={legend} error={error}>
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
    </ChoiceFieldset>
  );
}
