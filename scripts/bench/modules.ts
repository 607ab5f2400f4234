/**
 * The pages of the modules built after the first benchmarks (recruitment, panel, reviews,
 * training, concerns, audits, staff supervision, reports, payments, records, a child's visits and
 * independence checklist, Lifelong Links, the six-monthly reviews counted live, connected persons,
 * children missing from care, out-of-hours calls, supervision folder audits, agency transfers, skills
 * level evidence, learning from serious case reviews, joint training days, safer-care plans, extra
 * support for carers):
 * each module's landing list and one busy record, opened by the demo user whose work it is. Targets
 * as for every record and list page (issue 8): p95 < 150 ms at national scale, < 50 ms at county
 * scale on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addMonths, todayInLondon } from '../../src/platform/dates/index.ts';
import { approvalPath, connectedPersonsPath } from '../../src/modules/connected-persons/paths.ts';
import { lifelongLinksPath, workPath } from '../../src/modules/lifelong-links/paths.ts';
import { episodePath, missingListPath } from '../../src/modules/missing/paths.ts';
import { outOfHoursPath } from '../../src/modules/out-of-hours/paths.ts';
import { extraSupportPath, householdSupportPath } from '../../src/modules/extra-support/paths.ts';
import { ambassadorsPath, householdAmbassadorsPath } from '../../src/modules/ambassadors/paths.ts';
import { householdPlansPath } from '../../src/modules/safer-care/paths.ts';
import { attendancePath, dayPath, JOINT_TRAINING } from '../../src/modules/joint-training/paths.ts';
import { PANEL_GROUP } from '../../src/modules/joint-training/labels.ts';
import { serviceReviewPath, serviceReviewsPath } from '../../src/modules/service-reviews/paths.ts';
import { FOLDER_AUDITS, folderAuditPath, newFolderAuditPath } from '../../src/modules/staff/paths.ts';
import { latestEnded } from '../../src/modules/service-reviews/periods.ts';
import { learningPath, teamMeetingsPath } from '../../src/modules/team-meetings/paths.ts';
import { BenchAgent } from './agent.ts';
import type { Scenario } from './timing.ts';

async function one(db: Db, query: ReturnType<typeof sql>): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(db, query);
  return row?.id ?? null;
}

/** The busiest record of each kind in the demo, so the record pages are timed at their heaviest. */
async function findTargets(db: Db) {
  return {
    matter: await one(
      db,
      sql`select c.id from concerns c where c.kind = 'allegation'
          order by (select count(*) from allegation_meetings m where m.concern_id = c.id) desc, c.id limit 1`,
    ),
    meeting: await one(
      db,
      sql`select m.id from panel_meetings m
          order by (select count(*) from panel_items i where i.meeting_id = m.id) desc, m.id limit 1`,
    ),
    review: await one(db, sql`select id from annual_reviews order by started_on desc, id limit 1`),
    // The household with the most versions of its safer-care plan.
    saferCare: await one(
      db,
      sql`select household_id as id from safer_care_plans group by household_id order by count(*) desc, household_id limit 1`,
    ),
    // The children's social worker's child with the most visits, and young person with the most areas done.
    visited: await one(
      db,
      sql`select v.child_id as id from child_visits v join children c on c.id = v.child_id
          join users u on u.id = c.allocated_social_worker_id and u.username = 'cicsw'
          group by v.child_id order by count(*) desc, v.child_id limit 1`,
    ),
    checklist: await one(
      db,
      sql`select k.child_id as id from independence_checklists k join children c on c.id = k.child_id
          join users u on u.id = c.allocated_social_worker_id and u.username = 'cicsw'
          order by (select count(*) from independence_checklist_areas a where a.checklist_id = k.id) desc, k.child_id
          limit 1`,
    ),
    // The Lifelong Links work most recently started, and the area with the most children (its children's feedback).
    links: await one(db, sql`select id from lifelong_links order by identified_on desc, id limit 1`),
    // The child with the most episodes of going missing: their latest.
    episode: await one(
      db,
      sql`select e.id from missing_episodes e order by (select count(*) from missing_episodes x
          where x.child_id = e.child_id) desc, e.missing_on desc, e.id limit 1`,
    ),
    // The temporary approval given most recently.
    approval: await one(db, sql`select id from temporary_approvals order by approved_on desc, id limit 1`),
    busiestArea: await one(
      db,
      sql`select area_id as id from children where left_care_on is null group by area_id order by count(*) desc limit 1`,
    ),
    folderAudit: await one(db, sql`select id from staff_folder_audits order by audited_on desc, id limit 1`),
    transfer: await one(db, sql`select household_id as id from recruitment_transfers order by updated_at desc limit 1`),
    // The hub family supporting the most households.
    hub: await one(
      db,
      sql`select f.household_id as id from hub_families f where f.ended_on is null
          order by (select count(*) from hub_links l where l.hub_family_id = f.id) desc, f.household_id limit 1`,
    ),
    // The household whose ambassadors did the most.
    ambassadorHousehold: await one(
      db,
      sql`select household_id as id from ambassador_activities group by household_id order by count(*) desc, household_id limit 1`,
    ),
    // The joint training day most attended.
    jointTrainingDay: await one(
      db,
      sql`select day_id as id from joint_training_attendance group by day_id order by count(*) desc, day_id limit 1`,
    ),
    skillsItem: await one(
      db,
      sql`select i.id from panel_items i join panel_meetings m on m.id = i.meeting_id
          where i.kind = 'skills_level' order by m.meets_on desc, i.id limit 1`,
    ),
    // The manager's own team: its meetings on serious case reviews.
    managersTeam: await one(db, sql`select team_id as id from users where username = 'manager'`),
    staffMember: await one(
      db,
      sql`select s.staff_user_id as id from staff_supervision_sessions s
          join users m on m.id = s.supervisor_id and m.username = 'manager'
          group by s.staff_user_id order by count(*) desc, s.staff_user_id limit 1`,
    ),
  };
}

export async function moduleScenarios(app: FastifyInstance, db: Db, password: string): Promise<Scenario[]> {
  const targets = await findTargets(db).catch(() => ({
    matter: null,
    meeting: null,
    review: null,
    saferCare: null,
    staffMember: null,
    visited: null,
    checklist: null,
    links: null,
    approval: null,
    episode: null,
    busiestArea: null,
    folderAudit: null,
    transfer: null,
    jointTrainingDay: null,
    hub: null,
    ambassadorHousehold: null,
    skillsItem: null,
    managersTeam: null,
  }));
  // A half-year two years before the latest ended: the demo has no review of it, so its pages count
  // the records live (as before a review is completed), not from the figures kept with it.
  const halfYear = addMonths(latestEnded(todayInLondon()), -24);
  const as = async (username: string) => {
    const agent = new BenchAgent(app);
    await agent.signIn(username, password);
    return agent;
  };
  const [head, manager, lado, adviser, recruitment, reviewer, training, payments, cicsw] = await Promise.all(
    ['head', 'manager', 'lado', 'adviser', 'recruitment', 'reviewer', 'training', 'payments', 'cicsw'].map(as),
  );
  const missing = { statusCode: 404 };
  const record = (agent: BenchAgent, path: string | null) => async () => (path ? agent.get(path) : missing);
  return [
    { page: 'Recruitment pipeline (recruitment)', run: () => recruitment!.get('/recruitment') },
    { page: 'Panel meetings (adviser)', run: () => adviser!.get('/panel') },
    {
      page: 'A panel meeting (adviser)',
      run: record(adviser!, targets.meeting && `/panel/meetings/${targets.meeting}`),
    },
    { page: 'Annual reviews to do (reviewer)', run: () => reviewer!.get('/reviews') },
    { page: 'An annual review (reviewer)', run: record(reviewer!, targets.review && `/reviews/${targets.review}`) },
    { page: 'Training calendar (training)', run: () => training!.get('/training') },
    { page: 'Concerns register (head)', run: () => head!.get('/concerns') },
    { page: "LADO's open allegations (lado)", run: () => lado!.get('/lado') },
    { page: 'An allegation (lado)', run: record(lado!, targets.matter && `/concerns/${targets.matter}`) },
    { page: "Audit month, the team's files (manager)", run: () => manager!.get('/audits') },
    { page: 'Monthly audit summary (head)', run: () => head!.get('/audits/summary') },
    { page: 'Staff supervision (manager)', run: () => manager!.get('/staff') },
    {
      page: "A staff member's folder (manager)",
      run: record(manager!, targets.staffMember && `/staff/${targets.staffMember}`),
    },
    { page: 'Supervision folder audits (head)', run: () => head!.get(FOLDER_AUDITS) },
    {
      page: 'A supervision folder audit (head)',
      run: record(head!, targets.folderAudit && folderAuditPath(targets.folderAudit)),
    },
    {
      page: 'Audit a supervision folder, the form (head)',
      run: record(head!, targets.staffMember && newFolderAuditPath(targets.staffMember)),
    },
    {
      page: 'A transfer from an agency, the recruitment page (recruitment)',
      run: record(recruitment!, targets.transfer && `/households/${targets.transfer}/recruitment`),
    },
    {
      page: 'Evidence for a skills level (head)',
      run: record(head!, targets.skillsItem && `/panel/items/${targets.skillsItem}/skills-evidence`),
    },
    { page: 'Quarterly reports (head)', run: () => head!.get('/reports') },
    { page: 'Published rates (payments)', run: () => payments!.get('/payments') },
    { page: 'Disability enhancements (payments)', run: () => payments!.get('/payments/enhancements') },
    {
      page: "A household's safer-care plan, its every version (reviewer)",
      run: record(reviewer!, targets.saferCare && householdPlansPath(targets.saferCare)),
    },
    { page: 'Records: open requests (head)', run: () => head!.get('/records') },
    { page: 'Records past their retention date (head)', run: () => head!.get('/records/retention') },
    { page: "A child's visits (cicsw)", run: record(cicsw!, targets.visited && `/children/${targets.visited}/visits`) },
    {
      page: 'An independence checklist (cicsw)',
      run: record(cicsw!, targets.checklist && `/children/${targets.checklist}/independence`),
    },
    { page: 'Lifelong Links (head)', run: () => head!.get(lifelongLinksPath()) },
    { page: 'A Lifelong Links work (head)', run: record(head!, targets.links && workPath(targets.links)) },
    { page: 'Children missing from care (head)', run: () => head!.get(missingListPath()) },
    { page: 'Every missing from care episode (head)', run: () => head!.get(`${missingListPath()}?show=all`) },
    { page: 'A missing from care episode (head)', run: record(head!, targets.episode && episodePath(targets.episode)) },
    { page: 'Out-of-hours calls (head)', run: () => head!.get(outOfHoursPath()) },
    {
      page: "Out-of-hours calls, last month's sample (head)",
      run: () => head!.get(`${outOfHoursPath()}?month=${addMonths(todayInLondon(), -1).slice(0, 7)}`),
    },
    { page: 'Extra support for carers (head)', run: () => head!.get(extraSupportPath()) },
    {
      page: "A hub family's extra support (head)",
      run: record(head!, targets.hub && householdSupportPath(targets.hub)),
    },
    { page: 'Carer Ambassadors (head)', run: () => head!.get(ambassadorsPath()) },
    {
      page: "A household's Carer Ambassadors and what they did (head)",
      run: record(head!, targets.ambassadorHousehold && householdAmbassadorsPath(targets.ambassadorHousehold)),
    },
    { page: 'Joint training days (head)', run: () => head!.get(JOINT_TRAINING) },
    {
      page: 'A joint training day, who attended and the evaluations (head)',
      run: record(head!, targets.jointTrainingDay && dayPath(targets.jointTrainingDay)),
    },
    {
      page: "A joint training day's attendance, the panel's list (head)",
      run: record(head!, targets.jointTrainingDay && attendancePath(targets.jointTrainingDay, PANEL_GROUP)),
    },
    { page: 'Connected persons (head)', run: () => head!.get(connectedPersonsPath()) },
    { page: 'A temporary approval (head)', run: record(head!, targets.approval && approvalPath(targets.approval)) },
    { page: 'Learning from serious case reviews (head)', run: () => head!.get(learningPath()) },
    {
      page: "A team's meetings on serious case reviews (manager)",
      run: record(manager!, targets.managersTeam && teamMeetingsPath(targets.managersTeam)),
    },
    { page: 'Six-monthly reviews (head)', run: () => head!.get(serviceReviewsPath()) },
    {
      page: "A six-monthly review: an area's children's feedback (head)",
      run: record(head!, targets.busiestArea && serviceReviewPath('childrens-feedback', halfYear, targets.busiestArea)),
    },
    {
      page: 'A six-monthly review: allegations and complaints (head)',
      run: () => head!.get(serviceReviewPath('allegations-complaints', halfYear, null)),
    },
    {
      page: 'A six-monthly review: retention of carers (head)',
      run: () => head!.get(serviceReviewPath('carer-retention', halfYear, null)),
    },
  ];
}
