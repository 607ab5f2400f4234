/**
 * What Hearth holds beside the skills level evidence checklist (action 6.2), read from the
 * household's records as of today: each carer's training in the last 12 months and TSD standards,
 * the last finalised supervision visit and the agreement, the latest completed annual review and
 * the children's social workers' views, and an open allegation, shown only to those who may see
 * it. The facts inform: the ticks stay the worker's.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { matterPath } from '../concerns/paths.ts';
import { makeMatter } from '../concerns/test-support.ts';
import { reviewPath } from '../reviews/paths.ts';
import { makeReview } from '../reviews/test-support.ts';
import { supervisionPath } from '../supervision/paths.ts';
import { makeAgreement, makeSupervision } from '../supervision/test-support.ts';
import { carerTrainingPath } from '../training/paths.ts';
import { attended, makeCourse, makeTsd } from '../training/test-support.ts';
import { panelItems } from './tables.ts';
import { makeMeeting } from './test-support.ts';

const t = testAppForFile();
let db: Db;
beforeAll(() => {
  db = t.database.db;
});

const today = todayInLondon();
const ago = (days: number) => addDays(today, -days);
const words = (days: number) => formatDate(ago(days));

/** A skills level item for the household on a meeting in 10 days: the path of its checklist. */
async function checklistOf(householdId: string) {
  const meeting = await makeMeeting(db, { meetsOn: addDays(today, 10) });
  const [item] = await db
    .insert(panelItems)
    .values({ meetingId: meeting.id, kind: 'skills_level', householdId, skillLevel: 2 })
    .returning();
  return { item: item!, path: `/panel/items/${item!.id}/skills-evidence` };
}

describe('the facts beside the skills level evidence', () => {
  it('show the household’s training, supervision, annual review and views, and an open allegation to who may see it', async () => {
    // Allocated to the assessing social worker, who may present it but sees no allegation.
    const household = await makeHousehold(db, { allocatedSswUsername: 'assessor', statusSince: ago(900) });
    const robin = await makeCarer(db, household.id, { firstName: 'Robin', lastName: 'Evidenced' });
    const sky = await makeCarer(db, household.id, { firstName: 'Sky', lastName: 'Evidenced' });
    const course = await makeCourse(db, { title: 'Fixture therapeutic parenting', hours: '3.5' });
    await attended(db, robin.id, course.id, ago(30));
    await attended(db, robin.id, course.id, ago(60));
    await attended(db, robin.id, course.id, ago(400)); // more than 12 months ago
    await attended(db, sky.id, course.id, ago(20), 'absent');
    await makeTsd(db, robin.id, ago(500));
    const visit = await makeSupervision(db, { householdId: household.id, visitDate: ago(20) });
    await makeSupervision(db, { householdId: household.id, visitDate: ago(5), status: 'draft' });
    await makeAgreement(db, household.id, ago(100));
    const placed = [await makeChild(db), await makeChild(db)];
    const review = await makeReview(db, {
      householdId: household.id,
      startedOn: ago(90),
      reviewedOn: ago(60),
      firstReview: true,
      presentedToPanelOn: ago(40),
      children: [
        { childId: placed[0]!.id, gave: ['child_views', 'social_worker_feedback'] },
        { childId: placed[1]!.id, gave: ['child_views'] },
      ],
    });
    const open = await makeMatter(db, { householdId: household.id, knownOn: ago(10) });
    await makeMatter(db, { householdId: household.id, knownOn: ago(300), closedOn: ago(200), stage: 'closed' });
    const { item, path } = await checklistOf(household.id);

    const manager = await signedIn(t.app, 'manager');
    const form = await manager.get(path);
    expect(form.statusCode).toBe(200);
    const body = form.body;
    expect(body).toContain(
      `Robin Evidenced: 2 courses (7 hours) in the last 12 months; Training, Support and Development standards evidenced on ${words(500)}`,
    );
    expect(body).toContain(
      'Sky Evidenced: no training in the last 12 months; Training, Support and Development standards not evidenced',
    );
    expect(body).toContain(`href="${carerTrainingPath(robin.id)}"`);
    expect(body).toContain(`Last supervision visit: ${words(20)}`);
    expect(body).toContain(`href="${supervisionPath(visit.id)}"`);
    expect(body).toContain(`Supervision agreement signed on ${words(100)}`);
    expect(body).toContain(`Latest annual review: ${words(60)}, presented to panel on ${words(40)}`);
    expect(body).toContain(`href="${reviewPath(review.id)}"`);
    expect(body).toContain(
      `1 of the 2 children’s social workers gave their views for the annual review of ${words(60)}`,
    );
    // The open allegation, prominently; the closed one not at all.
    expect(body).toContain('govuk-warning-text');
    expect(body).toContain(`An allegation about this household is open, known on ${words(10)}`);
    expect(body).toContain(`href="${matterPath(open.id)}"`);
    expect(body.match(/An allegation about this household is open/g)).toHaveLength(1);
    // The facts inform: nothing is ticked for the worker.
    expect(body).not.toMatch(/value="(training|supervision|annualReview|childrensViews)" checked/);
    // Reading the allegation is on its trail, and the household's records on the household's.
    const trail = async (recordType: string, recordId: string) =>
      db
        .select({ username: auditEvents.username, detail: auditEvents.detail })
        .from(auditEvents)
        .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)));
    expect(await trail('concern', open.id)).toContainEqual({
      username: 'manager',
      detail: { page: 'skills-evidence' },
    });
    expect(await trail('household', household.id)).toContainEqual({
      username: 'manager',
      detail: { part: 'skills-evidence' },
    });
    expect(await trail('panel-item', item.id)).toContainEqual({
      username: 'manager',
      detail: { part: 'skills-evidence' },
    });

    // The assessing social worker presents the household, sees the facts, not the allegation, and
    // no link to supervision or reviews, which their role does not open.
    const assessor = await signedIn(t.app, 'assessor');
    const theirs = await assessor.get(path);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).toContain(`Last supervision visit: ${words(20)}`);
    expect(theirs.body).not.toContain('allegation');
    expect(theirs.body).not.toContain(matterPath(open.id));
    expect(theirs.body).not.toContain(`href="${supervisionPath(visit.id)}"`);
    expect(theirs.body).not.toContain(`href="${reviewPath(review.id)}"`);
    expect(theirs.body).toContain(`href="${carerTrainingPath(robin.id)}"`);
    expect(await trail('concern', open.id)).not.toContainEqual(expect.objectContaining({ username: 'assessor' }));

    // Kept on a refused save, with what was ticked.
    const refused = await manager.post(path, { confirmed: ['training', 'made-up'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`Last supervision visit: ${words(20)}`);
  });

  it('say what is missing for a household with nothing recorded', async () => {
    const household = await makeHousehold(db, { statusSince: ago(900) });
    const { path } = await checklistOf(household.id);
    const body = (await (await signedIn(t.app, 'head')).get(path)).body;
    expect(body).toContain('No carer is recorded in the household');
    expect(body).toContain('No finalised supervision visit recorded');
    expect(body).toContain('No signed supervision agreement recorded');
    expect(body).toContain('No completed annual review recorded');
    expect(body).not.toContain('govuk-warning-text');
  });
});
