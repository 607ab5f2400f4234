/**
 * Test support: a household's road written straight to the database (its kept deadlines refreshed,
 * as the service does). Not used by the app.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { makeHousehold, type HouseholdOverrides } from '../../../test/support/households.ts';
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
