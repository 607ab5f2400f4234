/**
 * Steps shared by matters about a household: the carer's independent support (NMS 22.12), a
 * placement suspended or ended, a child's account, and closing the matter.
 */
import { and, desc, eq } from 'drizzle-orm';
import { addMonths } from '../../platform/dates/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { choicesOf } from '../../platform/views/fields.ts';
import {
  accountForm,
  closeDates,
  closeForm,
  placementDates,
  placementLinkForm,
  supportDates,
  supportForm,
} from './forms.ts';
import { placementEffectNames, placementEffects, takenUpNames, takenUpValues } from './labels.ts';
import { placementsSince } from './queries.ts';
import { worksOn } from './scope.ts';
import { supportDueOn } from './settings.ts';
import { dateBetween, defineStep, isOpen, todayIn, ukDate, type StepContext } from './step.ts';
import { complaintStages, concernChildren, concernPlacements, concerns } from './tables.ts';

const known = (ctx: StepContext) => ({ date: ctx.record.concern.knownOn, after: 'the day it became known' });

export const supportStep = defineStep({
  path: 'support',
  permission: 'concerns.record',
  title: 'Record the carer’s independent support',
  done: 'Independent support recorded',
  kinds: ['allegation', 'standard_of_care'],
  may: worksOn,
  offered: isOpen,
  schema: supportForm,
  dates: supportDates,
  fields: (ctx) => [
    {
      type: 'text',
      name: 'supportBy',
      label: 'Who supports the carer',
      hint: 'Independent of the fostering service',
      width: 20,
    },
    {
      type: 'text',
      name: 'organisation',
      label: 'Their organisation (optional)',
      hint: 'For example, Fostering Network',
      width: 20,
    },
    {
      type: 'date',
      name: 'offeredOn',
      label: 'Date the support was offered',
      hint: ctx.record.concern.referredToLadoOn
        ? `Local target: within 1 working day of the referral, by ${ukDate(supportDueOn(ctx.record.concern.referredToLadoOn))}`
        : undefined,
    },
    {
      type: 'radios',
      name: 'takenUp',
      label: 'Did the carer take up the support?',
      choices: choicesOf(takenUpValues, takenUpNames),
    },
  ],
  initial: (ctx) => {
    const c = ctx.record.concern;
    if (!c.supportOfferedOn) return todayIn('offeredOn');
    return {
      supportBy: c.supportBy,
      organisation: c.supportOrganisation,
      takenUp: c.supportTakenUp,
      ...dateBoxes('offeredOn', c.supportOfferedOn),
    };
  },
  async apply(tx, ctx, input) {
    const errors = dateBetween('offeredOn', input.offeredOn, 'The date support was offered', known(ctx));
    if (errors.length) return { errors };
    await tx
      .update(concerns)
      .set({
        supportBy: input.supportBy,
        supportOrganisation: input.organisation,
        supportOfferedOn: input.offeredOn,
        supportTakenUp: input.takenUp,
      })
      .where(eq(concerns.id, ctx.record.concern.id));
    return { step: 'support', fields: ['supportBy', 'supportOrganisation', 'supportOfferedOn', 'supportTakenUp'] };
  },
});

/** The household's placements current since a month before the matter became known. */
const placementChoices = async (ctx: StepContext) =>
  ctx.record.householdId
    ? placementsSince(ctx.db, ctx.record.householdId, addMonths(ctx.record.concern.knownOn, -1))
    : [];

export const placementStep = defineStep({
  path: 'placements',
  permission: 'concerns.record',
  title: 'Record a placement suspended or ended',
  done: 'Placement linked to the allegation',
  kinds: ['allegation'],
  may: worksOn,
  offered: isOpen,
  schema: placementLinkForm,
  dates: placementDates,
  fields: async (ctx) => [
    {
      type: 'select',
      name: 'placementId',
      label: 'Placement',
      choices: (await placementChoices(ctx)).map((p) => ({
        value: p.id,
        text: `${p.childName}, placed ${ukDate(p.startDate)}${p.endDate ? `, ended ${ukDate(p.endDate)}` : ''}`,
      })),
    },
    {
      type: 'radios',
      name: 'effect',
      label: 'What happened to the placement',
      choices: choicesOf(placementEffects, placementEffectNames),
      inline: true,
    },
    { type: 'date', name: 'onDate', label: 'Date it was suspended or ended' },
  ],
  initial: () => todayIn('onDate'),
  async apply(tx, ctx, input) {
    const errors = dateBetween('onDate', input.onDate, 'The date', known(ctx));
    if (!(await placementChoices({ ...ctx, db: tx })).some((p) => p.id === input.placementId)) {
      errors.push({ field: 'placementId', message: 'Select a placement from the list' });
    }
    if (errors.length) return { errors };
    await tx
      .insert(concernPlacements)
      .values({
        concernId: ctx.record.concern.id,
        placementId: input.placementId,
        effect: input.effect,
        onDate: input.onDate,
      })
      .onConflictDoUpdate({
        target: [concernPlacements.concernId, concernPlacements.placementId],
        set: { effect: input.effect, onDate: input.onDate },
      });
    return { step: 'placement', fields: ['placement'] };
  },
});

const readable = (ctx: StepContext) => ctx.children.filter((c) => c.readsAccount);

export const accountStep = defineStep({
  path: 'account',
  permission: 'concerns.view',
  title: 'Record a child’s account',
  done: 'The child’s account recorded',
  kinds: ['allegation', 'standard_of_care', 'complaint'],
  // Only those who read a child's account write it: the LADO, the head, the child's own social worker.
  may: (user) => user.role === 'lado' || user.role === 'head_of_fostering' || user.role === 'childrens_social_worker',
  offered: (ctx) => isOpen(ctx) && readable(ctx).length > 0,
  schema: accountForm,
  dates: [],
  fields: (ctx) => [
    {
      type: 'select',
      name: 'childId',
      label: 'Child',
      choices: readable(ctx).map((c) => ({ value: c.childId, text: c.name })),
    },
    {
      type: 'textarea',
      name: 'account',
      label: 'The child’s account, in their words',
      hint: 'Seen only by the LADO, the head of fostering and the child’s own social worker',
      rows: 10,
    },
  ],
  initial: (ctx) => {
    const child = readable(ctx).find((c) => c.childId === ctx.query.child) ?? readable(ctx)[0];
    return { childId: child?.childId ?? '', account: child?.account ?? '' };
  },
  async apply(tx, ctx, input) {
    if (!readable(ctx).some((c) => c.childId === input.childId)) {
      return { errors: [{ field: 'childId', message: 'Select a child from the list' }] };
    }
    await tx
      .update(concernChildren)
      .set({ account: input.account })
      .where(and(eq(concernChildren.concernId, ctx.record.concern.id), eq(concernChildren.childId, input.childId)));
    return { step: 'account', fields: ['account'] };
  },
});

/** What must be done before a matter can be closed, in words (null when it may be). */
function notReadyToClose(ctx: StepContext): string | null {
  const c = ctx.record.concern;
  if (c.kind === 'allegation' && !c.outcomeOn) return 'Record the outcome before closing the allegation';
  if (c.kind === 'complaint' && !ctx.currentStage?.respondedOn)
    return 'Record the response to the complaint before closing it';
  return null;
}

export const closeStep = defineStep({
  path: 'close',
  permission: 'concerns.record',
  title: 'Close the matter',
  done: 'Matter closed',
  kinds: ['allegation', 'standard_of_care', 'complaint'],
  may: worksOn,
  offered: (ctx) => isOpen(ctx) && notReadyToClose(ctx) === null,
  schema: closeForm,
  dates: closeDates,
  fields: (ctx) => [
    { type: 'date', name: 'closedOn', label: 'Date it was closed' },
    {
      type: 'textarea',
      name: 'result',
      label: ctx.record.kind === 'allegation' ? 'What happened next (optional)' : 'What was found and what was done',
      rows: 6,
    },
    {
      type: 'textarea',
      name: 'learning',
      label: 'Learning for the service (optional)',
      hint: 'Shared with teams and carers',
      rows: 4,
    },
  ],
  initial: () => todayIn('closedOn'),
  async apply(tx, ctx, input) {
    const reason = notReadyToClose(ctx);
    if (reason) return { errors: [{ field: 'closedOn', message: reason }] };
    const c = ctx.record.concern;
    const [stage] = await tx
      .select({ respondedOn: complaintStages.respondedOn })
      .from(complaintStages)
      .where(eq(complaintStages.concernId, c.id))
      .orderBy(desc(complaintStages.stage))
      .limit(1);
    const latest = c.outcomeOn ?? stage?.respondedOn ?? c.knownOn;
    const after = c.outcomeOn ? 'the outcome' : stage?.respondedOn ? 'the response' : 'the day it became known';
    const errors = dateBetween('closedOn', input.closedOn, 'The date it was closed', { date: latest, after });
    if (c.kind !== 'allegation' && !input.result)
      errors.push({ field: 'result', message: 'Enter what was found and what was done' });
    if (errors.length) return { errors };
    await tx
      .update(concerns)
      .set({ closedOn: input.closedOn, closedBy: ctx.user.id, result: input.result, learning: input.learning })
      .where(eq(concerns.id, c.id));
    return { step: 'close', fields: ['closedOn', 'result', 'learning'] };
  },
});

export const matterSteps = [supportStep, placementStep, accountStep, closeStep];
