import { useT } from '../i18n';
import type { Problem } from '../outcome';

/** A mutation's refusal, in the user's language, announced to screen readers. */
export function ProblemNotice({ problem }: { problem: Problem | null }) {
  const { t } = useT();
  if (!problem) return null;
  const known = ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'TRANSITION_REFUSED', 'NO_ANSWER'] as const;
  const key = (known as readonly string[]).includes(problem.code) ? (`problem.${problem.code}` as `problem.${(typeof known)[number]}`) : 'problem.OTHER';
  return (
    <div className="problem" role="alert">
      <p>{t(key, { message: problem.message })}</p>
      {problem.issues.length > 0 && problem.code !== 'VALIDATION_FAILED' && (
        <ul>
          {problem.issues.map((i) => (
            <li key={i.field}>
              {i.field}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A form's end: its submit button, the status line a screen reader announces, and what was refused. */
export function SubmitWithOutcome({ label, busy, done, problem }: { label: string; busy: boolean; done: string; problem: Problem | null }) {
  return (
    <>
      <button type="submit" disabled={busy}>
        {label}
      </button>
      <p role="status" className="done">
        {done}
      </p>
      <ProblemNotice problem={problem} />
    </>
  );
}
