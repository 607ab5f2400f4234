/** After approval and the road out: the post-approval interview, exemptions, resignation and the exit interview. */
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { households } from '../households/tables.ts';
import { recruitmentExemptions, recruitmentLeavings } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

const boxes = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

async function dueOf(householdId: string, ruleId: string) {
  const rows = await t.database.db
    .select({ dueOn: dueItems.dueOn })
    .from(dueItems)
    .where(and(eq(dueItems.householdId, householdId), eq(dueItems.ruleId, ruleId)));
  return rows.map((r) => r.dueOn);
}

const approvedOn = addMonths(today, -3);
const approvedHousehold = () => makeHousehold(t.database.db, { statusSince: approvedOn, approvedOn });

describe('after approval', () => {
  it('asks for the post-approval interview six months after approval, and records it', async () => {
    const h = await approvedHousehold();
    expect(await dueOf(h.id, 'recruitment.post-approval-interview')).toEqual([addMonths(approvedOn, 6)]);
    const agent = await signedIn(t.app, 'recruitment');
    const path = `/households/${h.id}/recruitment/post-approval-interview`;
    await agent.get(path);
    const before = await agent.post(path, {
      ...boxes('interviewedOn', addDays(approvedOn, -1)),
      mentorHelped: 'yes',
      feedback: 'The mentor made the difference',
    });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain('must be on or after');
    expect(before.body).toContain('The mentor made the difference');
    const saved = await agent.post(path, {
      ...boxes('interviewedOn', today),
      mentorHelped: 'yes',
      feedback: 'The mentor made the difference',
    });
    expect(saved.statusCode).toBe(303);
    expect(await dueOf(h.id, 'recruitment.post-approval-interview')).toEqual([]);
  });

  it('keeps an exemption’s review date as a deadline for managers, a new exemption replacing the old', async () => {
    const h = await approvedHousehold();
    const manager = await signedIn(t.app, 'head');
    const path = `/households/${h.id}/recruitment/exemption`;
    const exemption = (reviewOn: string) => ({
      ...boxes('agreedOn', today),
      agreedBy: 'Fostering panel',
      childrenCovered: 'Three brothers and their sister',
      reason: 'To keep the brothers and sister together',
      ...boxes('reviewOn', reviewOn),
    });
    await manager.get(path);
    const backwards = await manager.post(path, exemption(addDays(today, -1)));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The review date must be after the date agreed');
    expect((await manager.post(path, exemption(addMonths(today, 6)))).statusCode).toBe(303);
    expect((await manager.post(path, exemption(addMonths(today, 12)))).statusCode).toBe(303);
    expect(await dueOf(h.id, 'recruitment.exemption-review')).toEqual([addMonths(today, 12)]);
    // A recruitment coordinator does not agree exemptions.
    const coordinator = await signedIn(t.app, 'recruitment');
    expect((await coordinator.get(path)).statusCode).toBe(403);
  });
});

describe('the deadlines after approval in the supervising social worker’s work', () => {
  it('lead to a page they may open: the household’s', async () => {
    const h = await makeHousehold(t.database.db, { statusSince: approvedOn, approvedOn, allocatedSswUsername: 'ssw' });
    await t.database.db.insert(recruitmentExemptions).values({
      householdId: h.id,
      agreedOn: today,
      agreedBy: 'Fostering panel',
      childrenCovered: 'Three sisters',
      reason: 'To keep the sisters together',
      reviewOn: addMonths(today, 6),
    });
    await refreshDueItems(t.database.db, 'household', [h.id]);
    const links = await t.database.db
      .select({ href: dueItems.href })
      .from(dueItems)
      .where(
        and(
          eq(dueItems.householdId, h.id),
          inArray(dueItems.ruleId, ['recruitment.post-approval-interview', 'recruitment.exemption-review']),
        ),
      );
    expect(links.map((l) => l.href)).toEqual([`/households/${h.id}`, `/households/${h.id}`]);
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/households/${h.id}`)).statusCode).toBe(200);
    // The recruitment page itself is not theirs; the coordinator reaches it from the household's page.
    expect((await ssw.get(`/households/${h.id}/recruitment`)).statusCode).toBe(403);
    const coordinator = await signedIn(t.app, 'recruitment');
    expect((await coordinator.get(`/households/${h.id}`)).body).toContain(`href="/households/${h.id}/recruitment"`);
  });
});

describe('leaving', () => {
  it('deregisters on a resignation, but leaves a decision after a review to the panel', async () => {
    const h = await approvedHousehold();
    const agent = await signedIn(t.app, 'recruitment');
    const path = `/households/${h.id}/recruitment/leaving`;
    await agent.get(path);
    const review = await agent.post(path, {
      reason: 'review_decision',
      ...boxes('leftOn', today),
      exitInterview: 'offered',
    });
    expect(review.statusCode).toBe(400);
    expect(review.body).toContain('made by the agency decision maker through the panel');
    const [still] = await t.database.db.select().from(households).where(eq(households.id, h.id));
    expect(still?.status).toBe('approved');

    const noDate = await agent.post(path, { reason: 'resignation', ...boxes('leftOn', today), exitInterview: 'done' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('Enter the date the exit interview was held or declined');

    const resigned = await agent.post(path, {
      reason: 'resignation',
      ...boxes('leftOn', today),
      exitInterview: 'done',
      ...boxes('interviewOn', today),
      themes: ['allowances_and_fees', 'training'],
      wouldReturn: 'not_sure',
    });
    expect(resigned.statusCode).toBe(303);
    const [left] = await t.database.db.select().from(households).where(eq(households.id, h.id));
    expect(left).toMatchObject({ status: 'deregistered', statusSince: today });
    const page = await agent.get(`/households/${h.id}/recruitment`);
    expect(page.body).toContain('Allowances and fees, Training');
  });

  it('records the exit interview of a household the panel deregistered', async () => {
    const h = await makeHousehold(t.database.db, { status: 'deregistered', statusSince: addDays(today, -10) });
    const agent = await signedIn(t.app, 'recruitment');
    const path = `/households/${h.id}/recruitment/leaving`;
    await agent.get(path);
    const saved = await agent.post(path, {
      reason: 'allegation_decision',
      ...boxes('leftOn', addDays(today, -10)),
      exitInterview: 'declined',
      ...boxes('interviewOn', today),
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(recruitmentLeavings)
      .where(eq(recruitmentLeavings.householdId, h.id));
    expect(row).toMatchObject({ reason: 'allegation_decision', exitInterview: 'declined', interviewOn: today });
  });
});
