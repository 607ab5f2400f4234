/**
 * Writes the demo's households (with their people, checks and timelines) and children (with
 * their health assessments) through the bulk writers.
 */
import { addMonthsTo, addWorking, ageOn, isoOf, timestampOf, type Day } from './days.ts';
import type { ChildModel } from './children.ts';
import type { HouseholdModel } from './households.ts';
import type { Random } from './random.ts';
import type { StaffModel } from './staff.ts';
import type { Writers } from './writers.ts';

const dateOrNull = (day: Day | null) => (day === null ? null : isoOf(day));

export async function writeHouseholds(w: Writers, households: HouseholdModel[], staff: StaffModel): Promise<void> {
  for (const h of households) {
    await w.households.add(
      h.id,
      h.reference,
      h.name,
      h.addressLine1,
      h.town,
      h.postcode,
      staff.teams[h.teamIdx]!.id,
      h.status,
      isoOf(h.statusSince),
      h.type,
      dateOrNull(h.approvedOn),
      h.places,
      h.ageMin,
      h.ageMax,
      h.genderPreference,
      h.siblingGroups,
      h.disability,
      h.uasc,
      h.emergency,
      h.shortBreaks,
      h.stayingPut,
      h.skillLevel,
      h.allocatedSswId,
      h.firstYearLeadId,
      h.mentorName,
      h.restricted,
      h.profile?.about ?? null,
      h.profile?.likes ?? null,
      h.profile?.home ?? null,
      h.pets,
      timestampOf(h.events[0]!.on, 10),
    );
    for (const [n, e] of h.events.entries()) {
      await w.household_status_events.add(
        e.id,
        h.id,
        e.from,
        e.to,
        isoOf(e.on),
        e.reason,
        e.byUserId,
        e.from === null ? 'enquiry' : null,
        timestampOf(e.on, 11, n),
      );
    }
    for (const userId of h.restrictedAccess) await w.household_restricted_access.add(h.id, userId);
    for (const c of h.carers) {
      await w.carers.add(
        c.id,
        h.id,
        c.firstName,
        c.lastName,
        isoOf(c.dateOfBirth),
        c.email,
        c.phone,
        c.isStaff,
        dateOrNull(c.leftOn ?? null),
      );
    }
    for (const m of h.members) {
      // On the household's record from its enquiry, from their birth when born since, or from the day they moved in.
      const added = timestampOf(m.movedInOn ?? Math.max(h.events[0]!.on, m.dateOfBirth), 10);
      await w.household_members.add(
        m.id,
        h.id,
        m.firstName,
        m.lastName,
        isoOf(m.dateOfBirth),
        m.relationship,
        dateOrNull(m.movedInOn ?? null),
        dateOrNull(m.leftOn ?? null),
        added,
      );
    }
    for (const c of h.checks) {
      await w.person_checks.add(
        c.id,
        h.id,
        c.carerId,
        c.memberId,
        c.kind,
        isoOf(c.completedOn),
        dateOrNull(c.expiresOn),
        c.outcome,
      );
    }
  }
}

export async function writeChild(w: Writers, c: ChildModel, staff: StaffModel): Promise<void> {
  await w.children.add(
    c.id,
    c.reference,
    c.firstName,
    c.lastName,
    c.preferredName,
    isoOf(c.dateOfBirth),
    c.gender,
    c.ethnicity,
    c.legalStatus,
    isoOf(c.lookedAfterSince),
    dateOrNull(c.leftCareOn),
    staff.areas[c.areaIdx]!.id,
    c.socialWorkerId,
    c.disability,
    c.uasc,
    c.cseRisk,
    c.missingRisk,
    c.schoolPostcode,
    timestampOf(c.lookedAfterSince, 9),
  );
}

/**
 * Initial health assessment (due within 20 working days of becoming looked after) and reviews
 * (6-monthly under 5, yearly from 5): mostly on time, some late, a few missing (overdue today).
 */
export async function writeHealth(
  w: Writers,
  c: ChildModel,
  random: Random,
  today: Day,
  newId: () => string,
): Promise<void> {
  const until = c.leftCareOn ?? today;
  const dates: Day[] = [];
  const initialDue = addWorking(c.lookedAfterSince, 20);
  const roll = random.next();
  const initial =
    roll < 0.78
      ? addWorking(c.lookedAfterSince, random.int(5, 19))
      : roll < 0.95 || c.lookedAfterSince < today - 120
        ? addWorking(c.lookedAfterSince, random.int(21, 45))
        : null;
  const notYet = initialDue > today && random.chance(0.6);
  if (initial !== null && initial <= until && !notYet) dates.push(initial);
  let last = dates[0];
  while (last !== undefined) {
    const due = addMonthsTo(last, ageOn(c.dateOfBirth, last) < 5 ? 6 : 12);
    const done = random.chance(0.85) ? due - random.int(0, 30) : due + random.int(1, 60);
    if (done > until) break;
    dates.push(done);
    last = done;
  }
  // A few children in care today are missing their latest review: it shows as overdue.
  if (c.leftCareOn === null && dates.length > 1 && random.chance(0.06)) dates.pop();
  for (const [n, day] of dates.entries()) {
    await w.health_assessments.add(newId(), c.id, n === 0 ? 'initial' : 'review', isoOf(day), c.socialWorkerId);
  }
}
