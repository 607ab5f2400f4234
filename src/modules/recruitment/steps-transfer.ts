/**
 * Carers transferring from an independent fostering agency (business plan action 6.3): they come
 * across on the council's fees and allowances, which is made clear at application, and the
 * transfer is agreed at a meeting under the transfer protocol. Recorded on the road in, from the
 * enquiry, and changed as it goes (the meeting is added once held, also after approval); removed,
 * by those who record it, when it was recorded for a household that never was an agency's.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { dateBoxes, govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { assessors } from './scope.ts';
import { dateRules, type Step } from './step.ts';
import { recruitmentTransfers } from './tables.ts';

const transferSchema = z.object({
  agencyName: requiredText('Enter the name of the fostering agency', 200),
  agencyApprovedOn: govukDate('Date the agency approved them'),
  toldOfPaymentsOn: govukDate('Date they were told of the council’s fees and allowances'),
  protocolMeetingOn: optionalGovukDate('Date of the transfer protocol meeting'),
  childrenPlaced: optionalText(2000),
});

export const transferStep: Step<typeof transferSchema> = {
  path: 'transfer',
  title: 'Record a transfer from a fostering agency',
  done: 'Transfer from a fostering agency recorded',
  roles: assessors,
  // Until approval, and after it while the approval stands, so a meeting written up late can be added.
  offered: (ctx) => ['enquiry', 'applicant', 'in_assessment', 'approved'].includes(ctx.household.status),
  schema: transferSchema,
  dates: ['agencyApprovedOn', 'toldOfPaymentsOn', 'protocolMeetingOn'],
  lines: () => [
    'Carers who transfer from an independent fostering agency come across on the council’s fees and allowances. Tell them so when they apply, and agree the transfer with the agency and the carers at a meeting under the transfer protocol.',
  ],
  fields: () => [
    { type: 'text', name: 'agencyName', label: 'Fostering agency', width: 20 },
    { type: 'date', name: 'agencyApprovedOn', label: 'Date the agency approved them' },
    {
      type: 'date',
      name: 'toldOfPaymentsOn',
      label: 'Date they were told they will be paid on the council’s fees and allowances',
    },
    {
      type: 'date',
      name: 'protocolMeetingOn',
      label: 'Date of the transfer protocol meeting',
      hint: 'Leave blank until the meeting is held',
    },
    {
      type: 'textarea',
      name: 'childrenPlaced',
      label: 'Children the agency has placed with them, and whether each stays on transfer (optional)',
      rows: 3,
    },
  ],
  initial: (ctx) => {
    const t = ctx.record.transfer;
    if (!t) return {};
    return {
      agencyName: t.agencyName,
      ...dateBoxes('agencyApprovedOn', t.agencyApprovedOn),
      ...dateBoxes('toldOfPaymentsOn', t.toldOfPaymentsOn),
      ...dateBoxes('protocolMeetingOn', t.protocolMeetingOn),
      childrenPlaced: t.childrenPlaced ?? '',
    };
  },
  async apply(tx, who, ctx, input) {
    const approved = { on: input.agencyApprovedOn, what: 'the day the agency approved them' };
    const errors = [
      ...dateRules('agencyApprovedOn', 'The date the agency approved them', input.agencyApprovedOn),
      ...dateRules('toldOfPaymentsOn', 'The date they were told', input.toldOfPaymentsOn),
      ...(input.protocolMeetingOn
        ? dateRules('protocolMeetingOn', 'The date of the meeting', input.protocolMeetingOn, approved)
        : []),
    ];
    if (errors.length) return errors;
    const values = {
      agencyName: input.agencyName,
      agencyApprovedOn: input.agencyApprovedOn,
      toldOfPaymentsOn: input.toldOfPaymentsOn,
      protocolMeetingOn: input.protocolMeetingOn ?? null,
      childrenPlaced: input.childrenPlaced || null,
      recordedBy: who.user.id,
      updatedAt: new Date(),
    };
    await tx
      .insert(recruitmentTransfers)
      .values({ householdId: ctx.household.id, ...values })
      .onConflictDoUpdate({ target: recruitmentTransfers.householdId, set: values });
    return [];
  },
};

const removeSchema = z.object({
  confirm: z.literal('yes', { error: 'Confirm that the transfer was recorded by mistake' }),
});

export const removeTransferStep: Step<typeof removeSchema> = {
  path: 'transfer-remove',
  title: 'Remove the transfer from a fostering agency',
  done: 'The transfer from a fostering agency has been removed',
  roles: assessors,
  offered: (ctx) => ctx.record.transfer !== null && transferStep.offered(ctx),
  schema: removeSchema,
  dates: [],
  auditAction: 'delete',
  lines: (ctx) => [
    `Hearth holds that these carers are transferring from ${ctx.record.transfer?.agencyName ?? 'a fostering agency'}. Remove it only if they never were that agency’s carers: it comes off the household’s road in and out of the transfers counted for the business plan. The audit trail keeps who removed it.`,
  ],
  fields: () => [
    {
      type: 'checkboxes',
      name: 'confirm',
      label: 'Confirm',
      choices: [{ value: 'yes', text: 'The transfer was recorded by mistake' }],
    },
  ],
  initial: () => ({}),
  async apply(tx, _who, ctx) {
    await tx.delete(recruitmentTransfers).where(eq(recruitmentTransfers.householdId, ctx.household.id));
    return [];
  },
};
