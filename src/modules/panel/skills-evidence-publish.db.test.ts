/**
 * Publishing a meeting's papers with a skills level's evidence incomplete (action 6.2): not
 * blocked, but asked again with each household and how much of its evidence is confirmed; refused
 * without the box ticked (nothing published), published and audited as incomplete with it. With
 * every checklist complete, one step as before.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { panelItems, panelPapers, panelSkillsEvidence } from './tables.ts';
import { makeMeeting } from './test-support.ts';

const t = testAppForFile();
let db: Db;
beforeAll(() => {
  db = t.database.db;
});

const today = todayInLondon();
const pdf = Buffer.from('%PDF-1.4 a made-up panel paper');
const all = {
  competencies: true,
  training: true,
  supervision: true,
  annualReview: true,
  childrensViews: true,
  carersPortfolio: true,
};

/** A skills level item with a quality-assured paper and, when given, its checklist. */
async function skillsItem(meetingId: string, evidence: Partial<typeof all> | null) {
  const household = await makeHousehold(db, { statusSince: addDays(today, -800) });
  const [item] = await db
    .insert(panelItems)
    .values({ meetingId, kind: 'skills_level', householdId: household.id, skillLevel: 3 })
    .returning();
  await db.insert(panelPapers).values({
    itemId: item!.id,
    title: 'Skills level report',
    fileName: 'report.pdf',
    contentType: 'application/pdf',
    bytes: pdf,
    size: pdf.length,
    qaOutcome: 'accepted',
    qaOn: today,
  });
  if (evidence) {
    const checks = Object.fromEntries(Object.keys(all).map((k) => [k, Boolean(evidence[k as keyof typeof all])]));
    await db.insert(panelSkillsEvidence).values({ itemId: item!.id, ...(checks as typeof all), checkedOn: today });
  }
  return { item: item!, household };
}

async function published(meetingId: string) {
  const rows = await db
    .select({ publishedOn: panelPapers.publishedOn })
    .from(panelPapers)
    .innerJoin(panelItems, eq(panelItems.id, panelPapers.itemId))
    .where(eq(panelItems.meetingId, meetingId));
  return rows.map((r) => r.publishedOn);
}

const publishAudits = (meetingId: string) =>
  db
    .select({ detail: auditEvents.detail })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.recordType, 'panel-meeting'),
        eq(auditEvents.recordId, meetingId),
        inArray(auditEvents.action, ['update']),
      ),
    );

describe('publishing papers with a skills level’s evidence incomplete', () => {
  it('asks again naming each household, refuses without the box ticked, and publishes and audits with it', async () => {
    const meeting = await makeMeeting(db, { meetsOn: addDays(today, 10) });
    const partly = await skillsItem(meeting.id, {
      competencies: true,
      training: true,
      supervision: true,
      annualReview: true,
    });
    const none = await skillsItem(meeting.id, null);
    const complete = await skillsItem(meeting.id, all);
    const path = `/panel/meetings/${meeting.id}/publish`;
    const adviser = await signedIn(t.app, 'adviser');
    await adviser.get(`/panel/meetings/${meeting.id}`);

    const asked = await adviser.post(path, {});
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('<title>Publish the papers with the evidence incomplete?');
    expect(asked.body).toContain('govuk-warning-text');
    expect(asked.body).toContain(
      `The evidence for the skills level is incomplete for ${partly.household.name} (4 of the 6 pieces confirmed); ${none.household.name} (none of the 6 pieces confirmed).`,
    );
    const warning = /The evidence for the skills level is incomplete for [^\n]*/.exec(asked.body)![0];
    expect(warning).not.toContain(complete.household.name);
    expect(asked.body).toContain('Publish the papers with the evidence incomplete');
    expect(asked.body).not.toContain('govuk-error-summary');
    expect(await published(meeting.id)).toEqual([null, null, null]);

    const refused = await adviser.post(path, { asked: 'yes' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#evidenceIncomplete"');
    expect(refused.body).toContain('Select “Publish the papers with the evidence incomplete” to publish them now');
    expect(refused.body).toContain(`${partly.household.name} (4 of the 6 pieces confirmed)`);
    expect(await published(meeting.id)).toEqual([null, null, null]);
    expect(await publishAudits(meeting.id)).toEqual([]);

    const confirmed = await adviser.post(path, { asked: 'yes', evidenceIncomplete: 'publish' });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/panel/meetings/${meeting.id}?done=published`);
    expect(await published(meeting.id)).toEqual([today, today, today]);
    expect(await publishAudits(meeting.id)).toEqual([
      {
        detail: {
          part: 'papers-published',
          papers: 3,
          evidenceIncomplete: [
            { item: partly.item.id, confirmed: 4 },
            { item: none.item.id, confirmed: 0 },
          ],
        },
      },
    ]);
  });

  it('publishes in one step when every checklist is complete', async () => {
    const meeting = await makeMeeting(db, { meetsOn: addDays(today, 10) });
    await skillsItem(meeting.id, all);
    const adviser = await signedIn(t.app, 'adviser');
    await adviser.get(`/panel/meetings/${meeting.id}`);
    const done = await adviser.post(`/panel/meetings/${meeting.id}/publish`, {});
    expect(done.statusCode).toBe(303);
    expect(await published(meeting.id)).toEqual([today]);
    expect(await publishAudits(meeting.id)).toEqual([{ detail: { part: 'papers-published', papers: 1 } }]);
  });

  it('says first that no paper is ready, before asking about the evidence', async () => {
    const meeting = await makeMeeting(db, { meetsOn: addDays(today, 10) });
    const { item } = await skillsItem(meeting.id, null);
    await db.update(panelPapers).set({ qaOutcome: null, qaOn: null }).where(eq(panelPapers.itemId, item.id));
    const adviser = await signedIn(t.app, 'adviser');
    await adviser.get(`/panel/meetings/${meeting.id}`);
    const refused = await adviser.post(`/panel/meetings/${meeting.id}/publish`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('No paper is ready to publish');
    expect(refused.body).not.toContain('Publish the papers with the evidence incomplete');
  });
});
