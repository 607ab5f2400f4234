/**
 * The "Change" links beside what a matter's corrections put right on its page, each only when the
 * viewer may change it and it is recorded (the step's `may` and `offered`):
 * - a complaint's stages (complaint-corrections.ts): the day a later stage was requested, a stage's
 *   response, the extension of its time to respond and stage 3's review panel;
 * - the later steps (later-corrections.ts): each meeting and the outcome given to the carer on the
 *   timeline, the outcome given to each child in the children's table, and the closing.
 */
import {
  extensionChangeStep,
  panelChangeStep,
  requestChangeStep,
  responseChangeStep,
} from './complaint-corrections.ts';
import {
  carerToldChangeStep,
  childToldChangeStep,
  closeChangeStep,
  meetingChangeStep,
  meetingWords,
} from './later-corrections.ts';
import { stepPath } from './paths.ts';
import type { Step, StepContext } from './step.ts';
import { mayTake } from './steps.ts';

/** The link to a correction opened for what `query` names, or null when it is not the viewer's or not recorded. */
const linkIn =
  (ctx: StepContext) =>
  (step: Step, query: Record<string, string> = {}) =>
    mayTake(step, ctx.user, ctx.record) && step.offered({ ...ctx, query })
      ? stepPath(ctx.record.concern.id, step.path) + (Object.keys(query).length ? `?${new URLSearchParams(query)}` : '')
      : null;

/** The links to change one stage of a complaint, by its number. */
export function stageChangeLinks(ctx: StepContext) {
  const link = linkIn(ctx);
  return (stage: number) => ({
    receivedChangeHref: stage > 1 ? link(requestChangeStep, { stage: String(stage) }) : null,
    responseChangeHref: link(responseChangeStep, { stage: String(stage) }),
    panelChangeHref: stage === 3 ? link(panelChangeStep) : null,
    extensionChangeHref: link(extensionChangeStep, { stage: String(stage) }),
  });
}

export function laterChangeLinks(ctx: StepContext) {
  const link = linkIn(ctx);
  const carer = link(carerToldChangeStep);
  return {
    closeChangeHref: link(closeChangeStep),
    /** For the timeline: the links beside each meeting (by its id) and the outcome given to the carer. */
    timelineChanges: {
      meeting: (m: { id: string; kind: string; heldOn: string }) => {
        const href = link(meetingChangeStep, { meeting: m.id });
        return href ? { href, what: meetingWords(m) } : null;
      },
      carer: carer ? { href: carer, what: 'the outcome given to the carer' } : null,
    },
    childChangeHref: (childId: string) => link(childToldChangeStep, { child: childId }),
  };
}
