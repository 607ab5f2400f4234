/**
 * A household's checks (DBS, medical, references) as every part of the service that records one
 * asks and writes it: the household's own page, a stage 1 check of the assessment (recruitment)
 * and a check renewed at the annual review (reviews). Whose check it is, whether the outcome was
 * satisfactory and what was found: one question, one rule, one table of checks.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client.ts';
import { yesNo, type Field } from '../../platform/views/fields.ts';
import { optionalText } from '../../platform/views/forms.ts';
import { findCarer, findMember } from './queries.ts';
import { carers, householdMembers, personChecks } from './tables.ts';

/** Whose check: "carer:<id>" or "member:<id>" (the household's check forms and the review's). */
export const CHECK_PERSON = /^(carer|member):[0-9a-f-]{36}$/i;

/** The two questions, for the form (drawn by field-macros.njk). */
export const checkOutcomeFields: Field[] = [
  {
    type: 'radios',
    name: 'satisfactory',
    label: 'Was the outcome satisfactory?',
    hint: 'A check that is not satisfactory is shown on the household and does not count as done.',
    choices: yesNo,
    inline: true,
  },
  {
    type: 'text',
    name: 'outcome',
    label: 'Outcome',
    hint: 'For example, clear. Needed when the outcome was not satisfactory.',
    autocomplete: 'off',
  },
];

/** The answers, for a form's schema: checked by refineCheckOutcome with the form's other answers. */
export const checkOutcomeAnswers = {
  satisfactory: z.enum(['yes', 'no']).optional().catch(undefined),
  outcome: optionalText(500),
};

/**
 * Whether it was satisfactory must be answered, and what was found when it was not. Add to a
 * form's superRefine, so that every error shows at once.
 */
export function refineCheckOutcome(
  v: { satisfactory?: 'yes' | 'no' | undefined; outcome?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!v.satisfactory) {
    ctx.addIssue({ code: 'custom', path: ['satisfactory'], message: 'Select whether the outcome was satisfactory' });
  }
  if (v.satisfactory === 'no' && !v.outcome) {
    ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Say what was not satisfactory' });
  }
}

/**
 * Whose check a form's answer names ("carer:<id>" or "member:<id>"), as the check's carerId and
 * memberId: only a carer or member of this household, else null.
 */
export async function checkPersonIn(
  tx: DbOrTx,
  householdId: string,
  person: string,
): Promise<{ carerId: string | null; memberId: string | null } | null> {
  const [kind, id] = person.split(':');
  if (!id) return null;
  if (kind === 'carer') return (await findCarer(tx, householdId, id)) ? { carerId: id, memberId: null } : null;
  if (kind === 'member') return (await findMember(tx, householdId, id)) ? { carerId: null, memberId: id } : null;
  return null;
}

/**
 * Writes one check on a household into its one table of checks, for the household page and for the
 * recruitment module's stage 1 checks alike; the caller checks access, refreshes the deadlines
 * and audits in the same transaction.
 */
export async function insertCheck(tx: DbOrTx, check: typeof personChecks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(personChecks).values(check).returning({ id: personChecks.id });
  return row!.id;
}

/** Carers and members of a household, as choices for "whose check is this". */
export async function checkPeople(db: DbOrTx, householdId: string) {
  const [carerRows, memberRows] = await Promise.all([
    db
      .select({ id: carers.id, firstName: carers.firstName, lastName: carers.lastName })
      .from(carers)
      .where(and(eq(carers.householdId, householdId))),
    db
      .select({ id: householdMembers.id, firstName: householdMembers.firstName, lastName: householdMembers.lastName })
      .from(householdMembers)
      .where(eq(householdMembers.householdId, householdId)),
  ]);
  return [
    ...carerRows.map((c) => ({ value: `carer:${c.id}`, text: `${c.firstName} ${c.lastName} (carer)` })),
    ...memberRows.map((m) => ({ value: `member:${m.id}`, text: `${m.firstName} ${m.lastName}` })),
  ];
}
