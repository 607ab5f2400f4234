/**
 * What a carer is paid, on their portal home, worked out by hand: for a child aged 7 placed with a
 * Level 2 household, the allowance for ages 5 to 10 (£210.00) + the Level 2 fee (£150.00) + a
 * high-need enhancement (£120.00) = £480.00 a week; Staying Put arranged separately; an ended
 * placement not shown; the view audited; the rates' date given.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { households } from '../households/tables.ts';
import { viewer } from '../home/test-support.ts';
import { makeEnhancement, makeRates } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

describe('the carer’s portal: what you are paid', () => {
  it('adds the allowance for the child’s age, the fee for the skill level and the enhancement', async () => {
    const db = t.database.db;
    const carer = await viewer(db, 'carer');
    const householdId = carer.householdId!;
    await db.update(households).set({ skillLevel: 2 }).where(eq(households.id, householdId));
    await makeRates(db, today);
    const sam = await makeChild(db, { firstName: 'Sam', lastName: 'Payfixture', dateOfBirth: addYears(today, -7) });
    const placement = await makePlacement(db, { childId: sam.id, householdId, startDate: addDays(today, -100) });
    await makeEnhancement(db, { placementId: placement.id, agreedOn: addDays(today, -60), levelOfNeed: 'high' });
    const kit = await makeChild(db, { firstName: 'Kit', lastName: 'Stayingput', dateOfBirth: addYears(today, -18) });
    await makePlacement(db, {
      childId: kit.id,
      householdId,
      startDate: addDays(today, -30),
      placementType: 'staying_put',
    });
    const gone = await makeChild(db, { firstName: 'Lee', lastName: 'Leftfixture' });
    await makePlacement(db, { childId: gone.id, householdId, startDate: '2025-01-06', endDate: addDays(today, -5) });

    const agent = await signedIn(t.app, 'carer');
    const page = await agent.get('/portal');
    expect(page.statusCode).toBe(200);
    const section = page.body.slice(page.body.indexOf('What you are paid'));
    expect(section).toContain(`Rates from ${formatDate(today)}`);
    const sams = section.slice(section.indexOf('Sam Payfixture'));
    const samsPay = sams.slice(0, sams.indexOf('</dl>'));
    expect(samsPay).toContain('Allowance for a child aged 5 to 10 (Sam Payfixture is 7)');
    expect(samsPay).toContain('£210.00 a week');
    expect(samsPay).toContain('Fee for your skill level, Level 2 (Skilled)');
    expect(samsPay).toContain('£150.00 a week');
    expect(samsPay).toContain('Disability enhancement (high level of need)');
    expect(samsPay).toContain('£120.00 a week');
    expect(samsPay).toMatch(/Total each week[\s\S]*£480.00 a week/);
    expect(section).toMatch(/Kit Stayingput<\/h3>\s*<p class="govuk-body">Staying Put: arranged separately\.<\/p>/);
    expect(section).not.toContain('Lee Leftfixture');

    const trail = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'household'), eq(auditEvents.recordId, householdId)));
    expect(trail.some((e) => (e.detail as { section?: string } | null)?.section === 'payments')).toBe(true);
  });
});
