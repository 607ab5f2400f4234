/**
 * Every step of every kind of matter, and taking one: the step's form is parsed by the route, then
 * `takeStep` checks the matter is visible, the step the user's to take and open now, and applies it
 * in one transaction with the stage, deadlines and audit entry (service.ts changeMatter).
 */
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { forbidden, type Result, type Who } from '../../platform/views/results.ts';
import { allegationSteps } from './allegation-steps.ts';
import { complaintCorrectionSteps } from './complaint-corrections.ts';
import { complaintSteps } from './complaint-steps.ts';
import { correctionSteps } from './correction-steps.ts';
import { laterCorrectionSteps } from './later-corrections.ts';
import { matterSteps } from './matter-steps.ts';
import { matterChildren, matterMeetings, matterStages, type ConcernRecord, type MatterChild } from './queries.ts';
import { changeMatter } from './service.ts';
import type { Step, StepContext } from './step.ts';

export const steps: Step[] = [
  ...allegationSteps,
  ...matterSteps,
  ...complaintSteps,
  ...correctionSteps,
  ...laterCorrectionSteps,
  ...complaintCorrectionSteps,
];

export const stepAt = (path: string) => steps.find((s) => s.path === path);

/** What the steps need to know of a matter: its children (as this user sees them), its complaint stages and its meetings. */
export async function stepContext(
  db: DbOrTx,
  user: SignedInUser,
  record: ConcernRecord,
  query: Record<string, string | undefined> = {},
  named?: MatterChild[],
): Promise<StepContext> {
  const stages = record.kind === 'complaint' ? await matterStages(db, record.concern.id) : [];
  const meetings =
    record.kind === 'allegation' ? (await matterMeetings(db, record.concern.id)).map((m) => m.meeting) : [];
  const current = stages.at(-1);
  const responses = stages.map((s) => s.respondedOn).filter((on): on is string => on !== null);
  return {
    db,
    user,
    record,
    children: named ?? (await matterChildren(db, user, record.concern.id)),
    currentStage: current
      ? {
          stage: current.stage,
          receivedOn: current.receivedOn,
          extended: current.extended,
          respondBy: current.respondBy,
          respondedOn: current.respondedOn,
          panelOn: current.panelOn,
        }
      : null,
    stages,
    meetings,
    firstResponseOn: responses.length ? responses.reduce((a, b) => (b < a ? b : a)) : null,
    query,
  };
}

/** Whether the step belongs to this kind of matter and this user may take it (their role and the matter's rule). */
export function mayTake(step: Step, user: SignedInUser, record: ConcernRecord): boolean {
  return step.kinds.includes(record.kind as never) && can(user.role, step.permission) && step.may(user, record);
}

/** The steps this user may take on the matter now, for its page. */
export function stepsOffered(ctx: StepContext): Step[] {
  return steps.filter((s) => !s.correction && mayTake(s, ctx.user, ctx.record) && s.offered(ctx));
}

/** Takes a step: refused (403) when it is not the user's to take or not open now; the form's errors otherwise. */
export async function takeStep(
  db: DbOrTx,
  who: Who,
  id: string,
  step: Step,
  input: unknown,
  query: Record<string, string | undefined> = {},
): Promise<Result> {
  let closed = false;
  const result = await changeMatter(
    db,
    who,
    id,
    (user, record) => mayTake(step, user, record),
    async (tx, record) => {
      const ctx = await stepContext(tx, who.user, record, query);
      if (!step.offered(ctx)) {
        closed = true;
        return { errors: [] };
      }
      return step.apply(tx, ctx, input);
    },
  );
  return closed ? forbidden : result;
}
