/**
 * The steps of an allegation (the LADO process): the referral, the LADO's decision on immediate
 * action, meetings, the outcome, the outcome given to each child and to the carer, presentation to
 * the fostering panel. Each validates its dates against the record: an outcome dated before the
 * referral is refused with a message saying so.
 */
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { choicesOf, yesNo } from '../../platform/views/fields.ts';
import {
  childToldDates,
  childToldForm,
  carerToldDates,
  carerToldForm,
  decisionDates,
  decisionForm,
  meetingDates,
  meetingForm,
  outcomeDates,
  outcomeForm,
  panelDates,
  panelForm,
  referralDates,
  referralForm,
} from './forms.ts';
import {
  immediateActionNames,
  immediateActions,
  meetingKinds,
  meetingNames,
  outcomeNames,
  outcomes,
} from './labels.ts';
import { decisionDueOn, meetingDueOn, referralDueOn } from './settings.ts';
import { worksAsLado, worksOn } from './scope.ts';
import { dateBetween, defineStep, isOpen, todayIn, ukDate, type StepContext } from './step.ts';
import { allegationMeetings, concernChildren, concerns } from './tables.ts';

const allegation = ['allegation'] as const;
const referred = (ctx: StepContext) => ctx.record.concern.referredToLadoOn !== null;
const hasOutcome = (ctx: StepContext) => ctx.record.concern.outcomeOn !== null;
const since = (ctx: StepContext, what: 'known' | 'referral' | 'outcome') => {
  const c = ctx.record.concern;
  if (what === 'known') return { date: c.knownOn, after: 'the day it became known' };
  if (what === 'referral') return { date: c.referredToLadoOn, after: 'the referral to the LADO' };
  return { date: c.outcomeOn, after: 'the outcome' };
};

export const referralStep = defineStep({
  path: 'referral',
  permission: 'concerns.record',
  title: 'Record the referral to the LADO',
  done: 'Referral to the LADO recorded',
  kinds: allegation,
  may: worksOn,
  offered: (ctx) => isOpen(ctx) && !referred(ctx),
  schema: referralForm,
  dates: referralDates,
  fields: (ctx) => [
    {
      type: 'date',
      name: 'referredOn',
      label: 'Date it was referred to the LADO',
      hint: `Within 1 working day of it becoming known: by ${ukDate(referralDueOn(ctx.record.concern.knownOn))}. For example, 27 3 2026`,
    },
    { type: 'text', name: 'ladoName', label: 'Name of the LADO it was referred to (optional)', width: 20 },
  ],
  initial: () => todayIn('referredOn'),
  async apply(tx, ctx, input) {
    const errors = dateBetween('referredOn', input.referredOn, 'The date of the referral', since(ctx, 'known'));
    if (errors.length) return { errors };
    await tx
      .update(concerns)
      .set({ referredToLadoOn: input.referredOn, ladoName: input.ladoName })
      .where(eq(concerns.id, ctx.record.concern.id));
    return { step: 'referral', fields: ['referredToLadoOn', 'ladoName'] };
  },
});

export const decisionStep = defineStep({
  path: 'decision',
  permission: 'allegations.lado',
  title: 'Record the LADO’s decision on immediate action',
  done: 'The LADO’s decision recorded',
  kinds: allegation,
  may: worksAsLado,
  offered: (ctx) => isOpen(ctx) && referred(ctx) && ctx.record.concern.ladoDecisionOn === null,
  schema: decisionForm,
  dates: decisionDates,
  fields: (ctx) => [
    {
      type: 'date',
      name: 'decisionOn',
      label: 'Date of the decision',
      hint: `Within 1 working day of the referral: by ${ukDate(decisionDueOn(ctx.record.concern.referredToLadoOn!))}`,
    },
    {
      type: 'radios',
      name: 'immediateAction',
      label: 'What the LADO decided',
      choices: choicesOf(immediateActions, immediateActionNames),
    },
    { type: 'textarea', name: 'notes', label: 'Notes (for other action, say what)', rows: 4 },
  ],
  initial: () => todayIn('decisionOn'),
  async apply(tx, ctx, input) {
    const errors = dateBetween('decisionOn', input.decisionOn, 'The date of the decision', since(ctx, 'referral'));
    if (input.immediateAction === 'other' && !input.notes)
      errors.push({ field: 'notes', message: 'Say what the other action is' });
    if (errors.length) return { errors };
    await tx
      .update(concerns)
      .set({ ladoDecisionOn: input.decisionOn, immediateAction: input.immediateAction, ladoDecisionNotes: input.notes })
      .where(eq(concerns.id, ctx.record.concern.id));
    return { step: 'decision', fields: ['ladoDecisionOn', 'immediateAction', 'ladoDecisionNotes'] };
  },
});

/** A meeting's form as the columns of its row (recording it, and putting it right). */
export const meetingColumns = (input: z.infer<typeof meetingForm>) => ({
  kind: input.kind,
  heldOn: input.heldOn,
  attendees: input.attendees,
  decisions: input.decisions,
  policeInvolved: input.police === 'yes',
  childrensServicesInvolved: input.childrensServices === 'yes',
});

export const meetingStep = defineStep({
  path: 'meetings/new',
  permission: 'allegations.lado',
  title: 'Record a strategy, evaluation or review meeting',
  done: 'Meeting recorded',
  kinds: allegation,
  may: worksAsLado,
  offered: (ctx) => isOpen(ctx) && referred(ctx),
  schema: meetingForm,
  dates: meetingDates,
  fields: (ctx) => [
    { type: 'radios', name: 'kind', label: 'Kind of meeting', choices: choicesOf(meetingKinds, meetingNames) },
    {
      type: 'date',
      name: 'heldOn',
      label: 'Date of the meeting',
      hint: `The first meeting is due within about 5 working days of the referral: by ${ukDate(meetingDueOn(ctx.record.concern.referredToLadoOn!))}`,
    },
    { type: 'textarea', name: 'attendees', label: 'Who attended', hint: 'Names and roles', rows: 3 },
    { type: 'textarea', name: 'decisions', label: 'What was decided', rows: 6 },
    { type: 'radios', name: 'police', label: 'Are the police involved?', choices: yesNo, inline: true },
    {
      type: 'radios',
      name: 'childrensServices',
      label: 'Are children’s services making enquiries (section 47)?',
      choices: yesNo,
      inline: true,
    },
  ],
  initial: () => todayIn('heldOn'),
  async apply(tx, ctx, input) {
    const errors = dateBetween('heldOn', input.heldOn, 'The date of the meeting', since(ctx, 'referral'));
    if (errors.length) return { errors };
    await tx
      .insert(allegationMeetings)
      .values({ concernId: ctx.record.concern.id, ...meetingColumns(input), recordedBy: ctx.user.id });
    return { step: 'meeting', fields: ['meeting'] };
  },
});

export const outcomeStep = defineStep({
  path: 'outcome',
  permission: 'allegations.lado',
  title: 'Record the outcome',
  done: 'Outcome recorded',
  kinds: allegation,
  may: worksAsLado,
  offered: (ctx) => isOpen(ctx) && referred(ctx) && !hasOutcome(ctx),
  schema: outcomeForm,
  dates: outcomeDates,
  fields: () => [
    { type: 'radios', name: 'outcome', label: 'Outcome', choices: choicesOf(outcomes, outcomeNames) },
    { type: 'date', name: 'outcomeOn', label: 'Date of the outcome', hint: 'For example, 27 3 2026' },
  ],
  initial: () => todayIn('outcomeOn'),
  async apply(tx, ctx, input) {
    if (!referred(ctx)) {
      return { errors: [{ field: 'outcomeOn', message: 'Record the referral to the LADO before the outcome' }] };
    }
    const errors = dateBetween('outcomeOn', input.outcomeOn, 'The date of the outcome', since(ctx, 'referral'));
    if (errors.length) return { errors };
    await tx
      .update(concerns)
      .set({ outcome: input.outcome, outcomeOn: input.outcomeOn })
      .where(eq(concerns.id, ctx.record.concern.id));
    return { step: 'outcome', fields: ['outcome', 'outcomeOn'] };
  },
});

/**
 * The outcome the children named are told of: an allegation's outcome, or a complaint's first
 * response (plan action 1.2: the outcomes of allegations and complaints given to children).
 */
const outcomeToTell = (ctx: StepContext) =>
  ctx.record.kind === 'complaint'
    ? { date: ctx.firstResponseOn, after: 'the response to the complaint' }
    : { date: ctx.record.concern.outcomeOn, after: 'the outcome' };

/** The children not yet told the outcome whom this user may tell (a child's social worker: their own). */
const childrenToTell = (ctx: StepContext) =>
  ctx.children.filter(
    (c) =>
      !c.outcomeToldOn && (ctx.user.role !== 'childrens_social_worker' || c.allocatedSocialWorkerId === ctx.user.id),
  );

export const childToldStep = defineStep({
  path: 'child-told',
  permission: 'concerns.view',
  title: 'Record the outcome given to a child',
  done: 'Outcome given to the child recorded',
  kinds: ['allegation', 'complaint'],
  // The household's workers, the LADO, or the child's own social worker (checked for the child chosen).
  may: (user, record) => worksOn(user, record) || worksAsLado(user, record) || user.role === 'childrens_social_worker',
  offered: (ctx) => outcomeToTell(ctx).date !== null && childrenToTell(ctx).length > 0,
  schema: childToldForm,
  dates: childToldDates,
  fields: (ctx) => [
    {
      type: 'select',
      name: 'childId',
      label: 'Child',
      choices: childrenToTell(ctx).map((c) => ({ value: c.childId, text: c.name })),
    },
    { type: 'date', name: 'toldOn', label: 'Date the child was told the outcome' },
    { type: 'text', name: 'toldBy', label: 'Who told the child', hint: 'Name and role', width: 20 },
    {
      type: 'textarea',
      name: 'toldHow',
      label: 'How the child was told',
      hint: 'For example, at a visit, with their carer present',
      rows: 3,
    },
  ],
  initial: (ctx) => ({ ...todayIn('toldOn'), childId: ctx.query.child ?? '' }),
  async apply(tx, ctx, input) {
    if (!childrenToTell(ctx).some((c) => c.childId === input.childId)) {
      return { errors: [{ field: 'childId', message: 'Select a child from the list' }] };
    }
    const errors = dateBetween('toldOn', input.toldOn, 'The date the child was told', outcomeToTell(ctx));
    if (errors.length) return { errors };
    await tx
      .update(concernChildren)
      .set({ outcomeToldOn: input.toldOn, outcomeToldBy: input.toldBy, outcomeToldHow: input.toldHow })
      .where(and(eq(concernChildren.concernId, ctx.record.concern.id), eq(concernChildren.childId, input.childId)));
    return { step: 'child-told', fields: ['outcomeToldOn', 'outcomeToldBy', 'outcomeToldHow'] };
  },
});

export const carerToldStep = defineStep({
  path: 'carer-told',
  permission: 'concerns.record',
  title: 'Record the outcome given to the carer',
  done: 'Outcome given to the carer recorded',
  kinds: allegation,
  may: worksOn,
  offered: (ctx) => hasOutcome(ctx) && ctx.record.concern.carerToldOn === null,
  schema: carerToldForm,
  dates: carerToldDates,
  fields: () => [
    { type: 'date', name: 'toldOn', label: 'Date the carer was told the outcome' },
    { type: 'text', name: 'toldBy', label: 'Who told the carer', hint: 'Name and role', width: 20 },
  ],
  initial: () => todayIn('toldOn'),
  async apply(tx, ctx, input) {
    const errors = dateBetween('toldOn', input.toldOn, 'The date the carer was told', since(ctx, 'outcome'));
    if (errors.length) return { errors };
    await tx
      .update(concerns)
      .set({ carerToldOn: input.toldOn, carerToldBy: input.toldBy })
      .where(eq(concerns.id, ctx.record.concern.id));
    return { step: 'carer-told', fields: ['carerToldOn', 'carerToldBy'] };
  },
});

export const panelStep = defineStep({
  path: 'panel',
  permission: 'concerns.record',
  title: 'Record its presentation to the fostering panel',
  done: 'Presentation to the fostering panel recorded',
  kinds: allegation,
  // The team manager or the head presents allegations to the panel.
  may: (user, record) => worksOn(user, record) && (user.role === 'team_manager' || user.role === 'head_of_fostering'),
  offered: (ctx) => hasOutcome(ctx) && ctx.record.concern.presentedToPanelOn === null,
  schema: panelForm,
  dates: panelDates,
  fields: () => [
    { type: 'date', name: 'presentedOn', label: 'Date it was presented to the fostering panel' },
    {
      type: 'radios',
      name: 'approvalReview',
      label: 'Does a review of the carers’ approval follow?',
      choices: yesNo,
      inline: true,
    },
  ],
  initial: () => todayIn('presentedOn'),
  async apply(tx, ctx, input) {
    const errors = dateBetween('presentedOn', input.presentedOn, 'The date it was presented', since(ctx, 'outcome'));
    if (errors.length) return { errors };
    await tx
      .update(concerns)
      .set({ presentedToPanelOn: input.presentedOn, approvalReview: input.approvalReview === 'yes' })
      .where(eq(concerns.id, ctx.record.concern.id));
    return { step: 'panel', fields: ['presentedToPanelOn', 'approvalReview'] };
  },
});

export const allegationSteps = [
  referralStep,
  decisionStep,
  meetingStep,
  outcomeStep,
  childToldStep,
  carerToldStep,
  panelStep,
];
