/**
 * The words of Lifelong Links work: why a child was not asked to agree, why the work ended, and the
 * stages it goes through, in order (the stage is worked out from the steps recorded).
 */

/** Why the child was not asked to agree to the work. */
export const notAskedReasons = ['too-young', 'not-appropriate'] as const;
export type NotAskedReason = (typeof notAskedReasons)[number];
export const notAskedReasonNames: Record<NotAskedReason, string> = {
  'too-young': 'Not asked: too young',
  'not-appropriate': 'Not asked: not appropriate',
};

/** The agreement question's answers: agreed, or one of the reasons for not asking. */
export const agreementChoices = ['agreed', ...notAskedReasons] as const;
export type AgreementChoice = (typeof agreementChoices)[number];
export const agreementNames: Record<AgreementChoice, string> = {
  agreed: 'The child agreed',
  ...notAskedReasonNames,
};
export const agreementHints: Partial<Record<AgreementChoice, string>> = {
  agreed: 'Enter the date they agreed below.',
  'not-appropriate': 'For example, the child is too unwell or it would cause them distress now.',
};

/** Why the work ended. */
export const endReasons = ['plan-agreed', 'child-withdrew', 'left-care', 'other'] as const;
export type EndReason = (typeof endReasons)[number];
export const endReasonNames: Record<EndReason, string> = {
  'plan-agreed': 'A plan was agreed and the work closed',
  'child-withdrew': 'The child no longer wanted it',
  'left-care': 'The child left care or moved away',
  other: 'Other',
};
export const endReasonHints: Partial<Record<EndReason, string>> = {
  'plan-agreed': 'Only once the plan agreed is recorded.',
  other: 'Say why in the note.',
};

/** The stages of the work, in order: the latest step recorded decides it. */
export const stages = ['identified', 'finding', 'meeting', 'plan', 'ended'] as const;
export type Stage = (typeof stages)[number];
export const stageNames: Record<Stage, string> = {
  identified: 'Identified, waiting for the child’s agreement',
  finding: 'Finding people who matter',
  meeting: 'Family network meeting held',
  plan: 'Plan agreed',
  ended: 'Ended',
};

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (stages as readonly string[]).includes(value);
}
