// The evaluation of a project, as a child workflow: it reminds the evaluator and escalates a lapsed
// deadline to the project (and so to the manager) until the project says the assessment is in.
import { condition, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import { msToNumber } from '@temporalio/common/lib/time.js';
import { evaluationNoticeSignal, evaluationSubmittedSignal, type ProjectEvaluationInput } from './definitions.js';

export async function projectEvaluation(input: ProjectEvaluationInput): Promise<'SUBMITTED'> {
  let submitted = false;
  setHandler(evaluationSubmittedSignal, () => void (submitted = true));
  const project = getExternalWorkflowHandle(workflowInfo().parent?.workflowId ?? input.projectId);
  const deadline = msToNumber(input.deadline);
  const reminder = Math.min(msToNumber(input.reminder), deadline);
  // A panel is reminded through its lead, who submits for it; the message names the whole panel.
  const who = input.panel?.length ? `the panel (lead ${input.evaluator}; ${input.panel.join(', ')})` : input.evaluator;
  let waited = 0;
  while (waited + reminder < deadline) {
    if (await condition(() => submitted, reminder)) return 'SUBMITTED';
    waited += reminder;
    await project.signal(evaluationNoticeSignal, { kind: 'REMINDER', message: `reminder to ${who}: the outcome assessment is due` });
  }
  if (await condition(() => submitted, deadline - waited)) return 'SUBMITTED';
  await project.signal(evaluationNoticeSignal, { kind: 'ESCALATION', message: `the outcome assessment by ${who} is past its deadline (${input.deadline})` });
  await condition(() => submitted);
  return 'SUBMITTED';
}
