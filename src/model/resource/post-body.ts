import { describeViolation, validatorFor } from '../../schemas/registry';

/** Decision 10: the first reason the Workflow Post schema refuses a body, or undefined. */
export function postProblem(body: unknown): string | undefined {
  const violations = validatorFor('workflowPost')(body);
  return violations.length > 0 ? describeViolation(violations[0]) : undefined;
}
