// Reads a mutation's result union: the project it changed, or what went wrong in words and per field.
export interface Problem {
  code: string;
  message: string;
  refusal?: string;
  issues: { field: string; message: string }[];
}

type Outcome = { __typename: string } & Record<string, unknown>;

export function problemOf(result: Outcome | null | undefined): Problem | null {
  if (!result) return { code: 'NO_ANSWER', message: '', issues: [] };
  if (typeof result.code !== 'string') return null;
  return {
    code: result.code,
    message: typeof result.message === 'string' ? result.message : '',
    ...(typeof result.refusal === 'string' ? { refusal: result.refusal } : {}),
    issues: Array.isArray(result.issues) ? (result.issues as Problem['issues']) : [],
  };
}

/** A required choice left empty, refused in the browser (an enum cannot be sent empty), shaped as the API's ValidationError. */
export function choiceMissing(field: string, message: string): { __typename: 'ValidationError'; code: string; message: string; issues: Problem['issues'] } {
  return { __typename: 'ValidationError', code: 'VALIDATION_FAILED', message, issues: [{ field: `input.${field}`, message }] };
}

/** The message for one form field: issues name it as `input.<path>`. */
export function issueAt(problem: Problem | null, path: string): string | undefined {
  return problem?.issues.find((i) => i.field === `input.${path}` || i.field === path)?.message;
}
