/**
 * Test support: a household's road written straight to the database (its kept deadlines refreshed,
 * as the service does), or an enquiry made through the pages; a household's kept deadlines of a rule.
 * Not used by the app.
 */
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import type { Agent, TestApp } from '../../../test/support/app.ts';
import { makeHousehold, teamIdByName, type HouseholdOverrides } from '../../../test/support/households.ts';
import { panelItems, panelMeetings } from '../panel/tables.ts';
import {
  recruitmentAssessments,
  recruitmentEnquiries,
  recruitmentLeavings,
  recruitmentPostApprovalInterviews,
} from './tables.ts';

export interface RoadFixture {
  household?: HouseholdOverrides;
  enquiredOn?: string;
  source?: string;
  appliedOn?: string;
  startedOn?: string;
  mentorAllocatedOn?: string;
  completedOn?: string;
  /** A panel meeting that day recommended approving the household. */
  recommendedOn?: string;
  interviewedOn?: string;
  leaving?: { leftOn: string; exitInterview: string; interviewOn?: string };
}

/** A household (default: an enquiry) with the parts of its road given. */
export async function makeRoad(db: DbOrTx, f: RoadFixture) {
  const household = await makeHousehold(db, {
    status: 'enquiry',
    statusSince: f.enquiredOn ?? '2019-01-02',
    ...f.household,
  });
  const id = household.id;
  if (f.enquiredOn) {
    await db.insert(recruitmentEnquiries).values({
      householdId: id,
      enquiredOn: f.enquiredOn,
      source: f.source ?? 'website',
      interests: ['mainstream'],
    });
  }
  if (f.appliedOn) {
    await db.insert(recruitmentAssessments).values({
      householdId: id,
      appliedOn: f.appliedOn,
      startedOn: f.startedOn ?? null,
      mentorHouseholdId: f.mentorAllocatedOn ? id : null,
      mentorAllocatedOn: f.mentorAllocatedOn ?? null,
      completedOn: f.completedOn ?? null,
    });
  }
  if (f.recommendedOn) {
    const [meeting] = await db
      .insert(panelMeetings)
      .values({ meetsOn: f.recommendedOn, place: 'County Hall', papersDueOn: f.recommendedOn })
      .returning({ id: panelMeetings.id });
    await db
      .insert(panelItems)
      .values({ meetingId: meeting!.id, kind: 'approval', householdId: id, recommendation: 'approve' });
  }
  if (f.interviewedOn) {
    await db
      .insert(recruitmentPostApprovalInterviews)
      .values({ householdId: id, interviewedOn: f.interviewedOn, feedback: 'Helpful' });
  }
  if (f.leaving) {
    await db.insert(recruitmentLeavings).values({
      householdId: id,
      reason: 'resignation',
      leftOn: f.leaving.leftOn,
      exitInterview: f.leaving.exitInterview,
      interviewOn: f.leaving.interviewOn ?? null,
      themes: [],
    });
  }
  await refreshDueItems(db, 'household', [id]);
  return household;
}

/** The days a household's items of a deadline rule fall due, in order. */
export async function dueOf(db: DbOrTx, householdId: string, ruleId: string): Promise<string[]> {
  const rows = await db
    .select({ dueOn: dueItems.dueOn })
    .from(dueItems)
    .where(and(eq(dueItems.householdId, householdId), eq(dueItems.ruleId, ruleId)));
  return rows.map((r) => r.dueOn).sort();
}

/** An enquiry made on its page by `agent` (the recruitment coordinator), on `enquiredOn`; returns the household's id. */
export async function enquiryThroughPages(
  t: TestApp,
  agent: Agent,
  lastName: string,
  enquiredOn: string,
  team = 'East Kent Fostering Team 1',
): Promise<string> {
  const response = await agent.post('/recruitment/enquiries/new', {
    ...dateBoxes('enquiredOn', enquiredOn),
    carerFirstName: 'Robin',
    carerLastName: lastName,
    email: 'robin@example.com',
    addressLine1: '4 Mill Lane',
    town: 'Canterbury',
    postcode: 'ct2 7aa',
    teamId: await teamIdByName(t.database.db, team),
    source: 'social_media',
    interests: ['teenagers', 'siblings'],
  });
  expect(response.statusCode).toBe(303);
  return response.headers.location!.split('/')[2]!;
}
