/**
 * The fostering panel in the demo: its panel adviser and agency decision maker (accounts of their
 * own, added here so the other demo users keep their ids), the central list of members (the
 * demo's `panel` user is the independent chair), twelve monthly panel days in the past year (a
 * day sitting as several panels when its agenda would be longer than a dozen households, as at
 * the larger scales) with who sat, an approval item for each household the demo approved in that
 * year, its quality-assured and published paper, the recommendation, the signed minutes and the
 * decision that approved it. Households approved before then carry an imported decision. Each
 * panel day also agrees a skills level for a settled household, and every third one declines a
 * proposal (plan action 6.2). Next month's meeting has two households whose assessment is
 * complete on its agenda: one paper published, one still due. Made-up people only; one query in
 * for the households, batched inserts out, the same data every time.
 */
import { sql } from 'drizzle-orm';
import { users } from '../../src/platform/auth/tables.ts';
import { recordAudit, systemActor } from '../../src/platform/audit/service.ts';
import { insertRows } from './bulk.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { decisionDueFor, letterDueFor, papersDueFor, toldDueFor } from '../../src/modules/panel/dates.ts';
import {
  agencyDecisions,
  panelAttendance,
  panelItems,
  panelMeetings,
  panelMembers,
  panelPapers,
} from '../../src/modules/panel/tables.ts';
import { addMonthsTo, addWorking, dayOf, isoOf, isWorking, type Day } from './days.ts';
import { IdMaker } from './random.ts';

/** The most households a panel considers at one sitting in the demo. */
const PER_SITTING = 12;
/** A made-up one-page PDF: every demo paper opens as the same short document. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const MEMBERS = [
  { name: 'Pat Nolan', role: 'chair', years: 6 },
  { name: 'Olivia Hart', role: 'vice_chair', years: 4 },
  { name: 'Marcus Reid', role: 'social_worker', years: 5 },
  { name: 'Helen Okafor', role: 'social_worker', years: 2 },
  { name: 'Dev Sharma', role: 'independent', years: 3 },
  { name: 'Ruth Ellis', role: 'independent', years: 7 },
  { name: 'Tom Barker', role: 'independent', years: 4 },
  { name: 'Jade Fletcher', role: 'care_experienced', years: 2 },
  { name: 'Dr Anya Kowal', role: 'medical_adviser', years: 5 },
  { name: 'Nadia Brooks', role: 'panel_adviser', years: 3 },
] as const;
/** One member away from each meeting in turn; the rest make the quorum. */
const AWAY_IN_TURN = ['Helen Okafor', 'Dev Sharma', 'Jade Fletcher', 'Olivia Hart'];

interface HouseholdRow {
  id: string;
  status: string;
  status_since: string;
  approved_on: string | null;
  approved_places: number;
  age_min: number;
  age_max: number;
  /** The last status change before the approval (an earlier approval date may not go before it). */
  before_approval: string | null;
  /** In assessment with the assessment (Form F) complete: ready for the panel. */
  ready: boolean;
  skill_level: number;
  restricted: boolean;
}

/** The second Wednesday of the month `day` falls in (a working day: the panel's usual day). */
function panelDayOf(day: Day): Day {
  const d = new Date(day * 86_400_000);
  const first = Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000);
  let wednesday = first + ((3 - new Date(first * 86_400_000).getUTCDay() + 7) % 7) + 7;
  while (!isWorking(wednesday)) wednesday += 1;
  return wednesday;
}

/** A panel sitting as the demo makes it. */
interface Meeting {
  id: string;
  meetsOn: string;
  papersDueOn: string;
  minutesSignedOn: string | null;
}

/** What a paper is: its title and file name. */
interface PaperKind {
  title: string;
  fileName: string;
}
const FORM_F_PAPER: PaperKind = { title: 'Form F assessment report', fileName: 'form-f-assessment.pdf' };
const SKILLS_PAPER: PaperKind = { title: 'Skills level portfolio and report', fileName: 'skills-level-report.pdf' };

/** Adds a paper for an item (the n-th of the demo's, for which are late), published or still due. */
type PaperMaker = (itemId: string, meeting: Meeting, n: number, ready: boolean, kind?: PaperKind) => void;

/**
 * Skills levels at panel (plan action 6.2): at each panel day held, carers approved for at least a
 * year before it put forward for the level they are now paid at, agreed; and on every third day a
 * household still paid at level 1 put forward for level 2 without the evidence for it, not
 * recommended and not agreed.
 */
function skillsLevels(
  held: Meeting[],
  households: HouseholdRow[],
  out: {
    today: Day;
    ids: IdMaker;
    voting: number;
    adviserId: string;
    deciderId: string;
    items: (typeof panelItems.$inferInsert)[];
    decisions: (typeof agencyDecisions.$inferInsert)[];
    paper: PaperMaker;
  },
): void {
  const { ids } = out;
  const used = new Set<string>();
  const firstDays = [...new Set(held.map((m) => m.meetsOn))];
  for (const [k, meetsOn] of firstDays.entries()) {
    const meeting = held.find((m) => m.meetsOn === meetsOn)!;
    const yearBefore = isoOf(addMonthsTo(dayOf(meetsOn), -12));
    const settled = (h: HouseholdRow) =>
      h.status === 'approved' && !h.restricted && !used.has(h.id) && h.status_since <= yearBefore;
    const proposals = [households.find((h) => settled(h) && h.skill_level > 1)];
    if (k % 3 === 2) proposals.push(households.find((h) => settled(h) && h.skill_level === 1));
    for (const h of proposals) {
      if (!h) continue;
      used.add(h.id);
      const agreed = h.skill_level > 1;
      const itemId = ids.next();
      out.items.push({
        id: itemId,
        meetingId: meeting.id,
        kind: 'skills_level',
        householdId: h.id,
        skillLevel: agreed ? h.skill_level : 2,
        recommendation: agreed ? 'approve' : 'not_approve',
        reasons: agreed
          ? 'The carers’ portfolio evidences every competency of the level, confirmed by their supervising social worker.'
          : 'The portfolio does not yet evidence the competencies of level 2: training and a further year of practice advised.',
        votesFor: out.voting,
        votesAgainst: 0,
        votesAbstaining: 0,
        recommendedBy: out.adviserId,
      });
      out.paper(itemId, meeting, k, true, SKILLS_PAPER);
      const receivedOn = meeting.minutesSignedOn!;
      const decidedOn = isoOf(Math.min(out.today, addWorking(dayOf(receivedOn), 2)));
      out.decisions.push({
        id: ids.next(),
        itemId,
        householdId: h.id,
        outcome: agreed ? 'skills_level' : 'not_approve',
        agrees: true,
        reasons: 'I agree with the panel’s recommendation and its reasons.',
        receivedOn,
        dueOn: decisionDueFor(receivedOn),
        decidedOn,
        decidedBy: out.deciderId,
        toldDueOn: toldDueFor(decidedOn),
        letterDueOn: letterDueFor(decidedOn),
        toldOn: decidedOn,
        letterSentOn: isoOf(addWorking(dayOf(decidedOn), 3)),
      });
    }
  }
}

/** Writes the demo's panel; returns how many meetings. */
export async function writeDemoPanel(
  db: DbOrTx,
  options: { scale: string; today: Day; passwordHash: string },
): Promise<number> {
  const { today } = options;
  const ids = new IdMaker(`${options.scale}/panel`);
  const adviserId = ids.next();
  const deciderId = ids.next();
  await db.insert(users).values(
    [
      { id: adviserId, username: 'adviser', displayName: 'Nadia Brooks', role: 'panel_adviser' },
      { id: deciderId, username: 'decider', displayName: 'Grace Whitfield', role: 'decision_maker' },
    ].map((u) => ({ ...u, email: `${u.username}@hearth.example`, passwordHash: options.passwordHash })),
  );
  for (const id of [adviserId, deciderId]) {
    await recordAudit(db, systemActor('demo data'), { action: 'create', recordType: 'user', recordId: id });
  }
  const [staff] = await queryRows<{ panel: string | null; manager: string | null; ssw: string | null }>(
    db,
    sql`select (select id from users where username = 'panel') as panel,
      (select id from users where username = 'manager') as manager,
      (select id from users where username = 'ssw') as ssw`,
  );

  // The central list: joined years ago, trained, checked and appraised; one independent member on notice.
  const members = MEMBERS.map((m, i) => ({
    id: ids.next(),
    name: m.name,
    role: m.role,
    userId: m.role === 'chair' ? (staff?.panel ?? null) : null,
    joinedOn: isoOf(addMonthsTo(today, -12 * m.years - i)),
    trainingOn: isoOf(addMonthsTo(today, -12 * m.years - i + 1)),
    dbsOn: isoOf(addMonthsTo(today, -(i * 3 + 4))),
    appraisalOn: isoOf(addMonthsTo(today, -(i + 2))),
    noticeOn: m.name === 'Tom Barker' ? isoOf(today - 20) : null,
    leavesOn: m.name === 'Tom Barker' ? isoOf(addMonthsTo(today, 2)) : null,
  }));
  await db.insert(panelMembers).values(members);

  const households = await queryRows<HouseholdRow>(
    db,
    sql`select id, status, status_since::text as status_since, approved_on::text as approved_on,
        approved_places, age_min, age_max, skill_level, restricted,
        (select max(e.on_date)::text from household_status_events e
          where e.household_id = households.id and e.on_date < households.approved_on) as before_approval,
        exists (select 1 from recruitment_assessments a
          where a.household_id = households.id and a.completed_on is not null) as ready
      from households where approved_on is not null or (status = 'in_assessment' and not restricted)
      order by reference`,
  );
  // The twelve monthly panel days before today (minutes signed two working days on), and the next one
  // far enough ahead that its papers are not yet due. A panel considers about a dozen households at
  // a sitting: a month whose approvals would make a longer agenda sits as several panels that day.
  const panelDays = [...Array(16).keys()].map((j) => panelDayOf(addMonthsTo(today, j - 13)));
  const heldDays = panelDays.filter((d) => addWorking(d, 2) <= today).slice(-12);
  const nextDay = panelDays.find((d) => d > today + 7)!;
  const signedOf = (d: Day) => addWorking(d, 2);
  const approvalsAfter = (d: Day, until: Day) =>
    households.filter((h) => h.approved_on && dayOf(h.approved_on) >= signedOf(d) && dayOf(h.approved_on) < until)
      .length;
  const sittings = [...heldDays, nextDay].flatMap((meetsOn, k) => {
    const until = k + 1 < heldDays.length ? signedOf(heldDays[k + 1]!) : Infinity;
    const count = meetsOn < today ? Math.max(1, Math.ceil(approvalsAfter(meetsOn, until) / PER_SITTING)) : 1;
    return [...Array(count).keys()].map((room) => ({ meetsOn, k, room }));
  });
  const meetings = sittings.map(({ meetsOn, k, room }) => {
    const past = meetsOn < today;
    const online = k % 3 === 1 && room === 0;
    return {
      id: ids.next(),
      meetsOn: isoOf(meetsOn),
      place: online ? 'Online (video call)' : `County Hall, Maidstone, Committee Room ${room + 2}`,
      online,
      papersDueOn: papersDueFor(isoOf(meetsOn)),
      minutesSignedOn: past ? isoOf(addWorking(meetsOn, 2)) : null,
      minutesSignedBy: past ? members[0]!.id : null,
      minutes: past
        ? 'The panel considered the items on the agenda; its recommendations and reasons are recorded.'
        : null,
    };
  });
  const held = meetings.filter((m) => m.minutesSignedOn);
  const coming = meetings.filter((m) => !m.minutesSignedOn);
  await db.insert(panelMeetings).values(meetings);
  const attendance = meetings.flatMap((m, k) =>
    members
      .filter((p) => p.name !== AWAY_IN_TURN[k % AWAY_IN_TURN.length])
      .map((p) => ({ meetingId: m.id, memberId: p.id })),
  );
  await db.insert(panelAttendance).values(attendance);
  const voting = members.length - 1 - 2; // one away, the two advisers do not vote

  const items: (typeof panelItems.$inferInsert)[] = [];
  const papers: (typeof panelPapers.$inferInsert)[] = [];
  const decisions: (typeof agencyDecisions.$inferInsert)[] = [];
  const moved: { id: string; from: string; to: string }[] = [];
  const paper: PaperMaker = (itemId, meeting, n, ready, kind = FORM_F_PAPER) => {
    const due = dayOf(meeting.papersDueOn);
    // One paper in ten published two working days late; every one quality-assured the day before.
    const publishedOn = ready ? isoOf(n % 10 === 9 ? addWorking(due, 2) : due - 1) : null;
    papers.push({
      id: ids.next(),
      itemId,
      title: kind.title,
      fileName: kind.fileName,
      contentType: 'application/pdf',
      bytes: PDF,
      size: PDF.length,
      uploadedBy: staff?.ssw ?? null,
      qaBy: ready ? (staff?.manager ?? null) : null,
      qaOn: ready ? isoOf(due - 2) : null,
      qaOutcome: ready ? 'accepted' : null,
      publishedOn,
    });
  };

  /** How many approvals each panel day has been given so far: its sittings take them in turn. */
  const turns = new Map<string, number>();
  for (const [n, h] of households.entries()) {
    if (!h.approved_on) continue;
    const approvedOn = dayOf(h.approved_on);
    // The last panel day whose minutes were signed by the approval, and one of its sittings in turn.
    const last = [...held].reverse().find((m) => dayOf(m.minutesSignedOn!) <= approvedOn);
    const day = last ? held.filter((m) => m.meetsOn === last.meetsOn) : [];
    const turn = last ? (turns.get(last.meetsOn) ?? 0) : 0;
    if (last) turns.set(last.meetsOn, turn + 1);
    const meeting = day[turn % Math.max(1, day.length)];
    if (!meeting) {
      decisions.push({
        id: ids.next(),
        householdId: h.id,
        outcome: 'approve',
        agrees: true,
        reasons: 'Approved before Hearth: the decision is in the old records.',
        decidedOn: h.approved_on,
        toldDueOn: toldDueFor(h.approved_on),
        letterDueOn: letterDueFor(h.approved_on),
        toldOn: h.approved_on,
        letterSentOn: h.approved_on,
        imported: true,
      });
      continue;
    }
    const receivedOn = meeting.minutesSignedOn!;
    const dueOn = decisionDueFor(receivedOn);
    // Most decisions in time: an approval dated after the deadline is brought forward to within it.
    let decidedOn = h.approved_on;
    const inTime = isoOf(addWorking(dayOf(receivedOn), 1 + (n % 6)));
    if (decidedOn > dueOn && n % 8 !== 0 && (!h.before_approval || h.before_approval < inTime)) {
      decidedOn = inTime;
      moved.push({ id: h.id, from: h.approved_on, to: decidedOn });
    }
    const itemId = ids.next();
    items.push({
      id: itemId,
      meetingId: meeting.id,
      kind: 'approval',
      householdId: h.id,
      places: h.approved_places,
      ageMin: h.age_min,
      ageMax: h.age_max,
      careType: 'mainstream',
      recommendation: 'approve',
      reasons: 'A thorough assessment: the applicants’ warmth, stability and support network meet the standards.',
      votesFor: voting,
      votesAgainst: 0,
      votesAbstaining: 0,
      recommendedBy: adviserId,
    });
    paper(itemId, meeting, n, true);
    decisions.push({
      id: ids.next(),
      itemId,
      householdId: h.id,
      outcome: 'approve',
      agrees: true,
      reasons: 'I agree with the panel’s recommendation and its reasons.',
      receivedOn,
      dueOn,
      decidedOn,
      decidedBy: deciderId,
      toldDueOn: toldDueFor(decidedOn),
      letterDueOn: letterDueFor(decidedOn),
      toldOn: decidedOn,
      letterSentOn: isoOf(addWorking(dayOf(decidedOn), 3)),
    });
  }
  skillsLevels(held, households, { today, ids, voting, adviserId, deciderId, items, decisions, paper });
  // Next month: two households whose assessment is complete proposed for approval, one paper out, one still due.
  const next = coming[0]!;
  for (const [n, h] of households
    .filter((x) => x.status === 'in_assessment' && x.ready)
    .slice(0, 2)
    .entries()) {
    const itemId = ids.next();
    items.push({
      id: itemId,
      meetingId: next.id,
      kind: 'approval',
      householdId: h.id,
      places: 2,
      ageMin: 0,
      ageMax: 10,
    });
    if (n === 0) {
      paper(itemId, { ...next, papersDueOn: isoOf(Math.min(today, dayOf(next.papersDueOn))) }, 0, true);
    } else {
      paper(itemId, next, 1, false);
    }
  }
  await insertRows(db, panelItems, items);
  await insertRows(db, panelPapers, papers);
  await insertRows(db, agencyDecisions, decisions);
  // Each skills level item's evidence checklist, confirmed a week before its meeting: complete for
  // four in five; the others missing one piece (the children's social workers' views, most often).
  await db.execute(sql`insert into panel_skills_evidence (item_id, competencies, training, supervision,
      annual_review, childrens_views, carers_portfolio, checked_on)
    select i.id, true, abs(hashtext(i.id::text)) % 10 <> 1, true, true, abs(hashtext(i.id::text)) % 5 <> 0, true,
      m.meets_on - 7
    from panel_items i join panel_meetings m on m.id = i.meeting_id
    where i.kind = 'skills_level' and m.meets_on - 7 <= ${isoOf(options.today)}::date`);
  if (moved.length) {
    // The household's approval (and the event that records it) moves to the decision's date.
    const values = sql.join(
      moved.map((m) => sql`(${m.id}::uuid, ${m.from}::date, ${m.to}::date)`),
      sql`, `,
    );
    await db.execute(sql`update households h set approved_on = v.to_on,
        status_since = case when h.status = 'approved' and h.status_since = v.from_on then v.to_on else h.status_since end
      from (values ${values}) as v(id, from_on, to_on) where h.id = v.id`);
    await db.execute(sql`update household_status_events e set on_date = v.to_on
      from (values ${values}) as v(id, from_on, to_on)
      where e.household_id = v.id and e.to_status = 'approved' and e.on_date = v.from_on`);
  }
  return meetings.length;
}
