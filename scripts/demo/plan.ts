import { eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/client.ts';
import { users } from '../../src/platform/auth/tables.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { addDays, compareIsoDates, todayInLondon, type IsoDate } from '../../src/platform/dates/index.ts';
import { financialYearOf } from '../../src/platform/dates/quarters.ts';
import { addAction, addTarget, addUpdate, createPlan } from '../../src/modules/plan/service.ts';
import type { Role } from '../../src/platform/access/roles.ts';

/**
 * The demo business plan: the service's 2017-18 plan (eleven targets, their actions) retold in
 * our own words for the current financial year. People are named by role only. Dates are given
 * as [years after the plan's start year, 'MM-DD'].
 */
type When = [0 | 1, string];
type Owner = 'head' | 'director' | 'manager';
interface DemoUpdate {
  daysAgo: number;
  rag: 'red' | 'amber' | 'green';
  narrative: string;
  by?: Owner;
}
interface DemoAction {
  n: string;
  what: string;
  who: string;
  owner?: Owner;
  byWhen?: When;
  byWhenText?: string;
  achieved: string;
  measure: string;
  measures?: string[];
  /** Deadline rules whose work the action is about (platform/due rule ids). */
  deadlines?: string[];
  completed?: boolean;
  updates?: DemoUpdate[];
}
interface DemoTarget {
  title: string;
  standards: string;
  actions: DemoAction[];
}

const VISION =
  'An outstanding fostering service: foster carers supported consistently, so that the children and young people in our care do well and stay in stable homes.';

const targets = (w: (when: When) => string): DemoTarget[] => [
  {
    title: 'Children and young people tell us what they think about every part of their care and support.',
    standards: 'NMS 1.3',
    actions: [
      {
        n: '1.1',
        what: 'Children in care and fostering teams make the voice of children and young people in their district a priority.',
        who: 'Service managers (feedback every 6 months)\nHead of Fostering\nFostering review team\nRecorded monthly on the fostering scorecard',
        owner: 'head',
        byWhenText: 'Every 6 months',
        achieved: `More of the child's voice in carers' annual reviews.\nMore children in care at participation events.\nSupervising social workers hear from children at supervision visits and see each child in placement at least every quarter, including a visit before the carers' annual review.\nTarget: offer children an online app to give their views once social workers have mobile devices.\nParticipation events in East Kent for girls in foster care aged 12 to 16 on keeping safe, run with the virtual school, with a well-being theme to build confidence.`,
        measure: `Carers' attendance at participation events recorded at annual review: at least 3 days a year at events run by the young people's council, support teams, the carers' association or the virtual school.\nAttendance added to carers' terms and conditions.\nScorecard report from the updated annual review form (from ${w([0, '06-30'])}).\nService managers summarise children's feedback every 6 months.`,
        measures: [
          'reviews.childrens-views',
          'supervision.children-seen-3-months',
          'training.participation-3-days',
          'training.children-at-participation-events',
          'service-reviews.completed-on-time',
          'reviews.social-worker-feedback',
        ],
        updates: [
          {
            daysAgo: 120,
            rag: 'amber',
            narrative:
              'Annual review form updated; the scorecard report is not live yet. Two participation events held, one for girls aged 12 to 16.',
          },
        ],
      },
      {
        n: '1.2',
        what: 'Children’s views are part of every allegation and complaint.',
        who: 'Independent reviewing officers, children’s social workers and supervising social workers',
        achieved:
          'Children and young people are told the outcome of allegations and complaints; joint visits and direct work are part of the process.\nGuidance for social workers after an allegation against a foster carer or a member of the household is in use.',
        measure:
          'Team managers track allegations and complaints monthly.\nThe Head of Fostering and the LADO review every 6 months with support team managers for learning and training needs.\nCases with an allegation or complaint are part of the monthly audits.',
        measures: ['concerns.outcome-given-to-child', 'service-reviews.completed-on-time'],
      },
      {
        n: '1.3',
        what: 'What children and young people tell us is shared across the fostering service.',
        who: 'Fostering team managers\nHead of Service',
        owner: 'manager',
        byWhenText: 'Monthly; quarterly at team managers’ meetings',
        achieved:
          'Complaints and compliments go monthly to the corporate parenting management meeting with learning points, then quarterly to team managers, and on to carers through:\n- the foster carer advisory board\n- the carers’ association conference (twice a year)\n- foster carer ambassadors\n- monthly support groups',
        measure:
          'Fewer repeat complaints on the same themes; young people say they feel safe and listened to.\nTracked on the corporate parenting complaints tracker.\nCarers put children first and encourage them to attend the young people’s councils.',
        measures: [
          'concerns.complaints-answered-in-time',
          'concerns.repeat-complaint-themes',
          'reviews.children-feel-safe',
          'reviews.children-listened-to',
        ],
      },
    ],
  },
  {
    title:
      'Every foster carer has a clear training and personal development plan, including safe care, child sexual exploitation, behaviour and child development, positive control and de-escalation.',
    standards: 'NMS 3.8, 4.6 and 5.1',
    actions: [
      {
        n: '2.1',
        deadlines: ['training.pdp-review', 'training.tsd'],
        what: 'Every foster carer has a personal development plan (PDP) from approval, reviewed every year.\nA clear training structure for new and experienced carers, with a career path.',
        who: 'The supervising social worker completes the PDP at each annual review.\nThe training coordinator updates the training calendar and strategy each year.\nThe management information unit reports training attendance.',
        owner: 'head',
        byWhenText: 'Yearly, at each annual review',
        achieved: `A PDP starts in the Form F assessment and is updated at every annual review.\nTraining is covered in supervision; missed training is taken up at annual review and panel.\nAdded to the ${w([0, '04-01']).slice(-4)} training calendar:\n- introduction to LGBT and supporting young people with their sexuality\n- basic computer skills\n- placement stability, with university research (25 to 30 households)\n- preparing for the annual review\n- allegations, sexual abuse and handling disclosures (refreshed)`,
        measure:
          'Training reported monthly on the scorecard: carers who completed core training in their first and second year of approval; carers with no training in the last 6 or 12 months.\nAudits check for a completed PDP.\nCarers book training online, so attendance is tracked and spare places can be offered to supported lodgings providers or sold to agencies.\nThe PDP to become a form on the case record system.',
        measures: [
          'training.current-pdp',
          'reviews.on-time',
          'training.core-first-year',
          'training.core-second-year',
          'training.no-training-6-months',
          'training.no-training-12-months',
          'training.cse-carers-of-11-plus',
          'training.tsd-on-time',
          'missing.children-missing',
          'missing.return-interviews-in-time',
        ],
        updates: [
          {
            daysAgo: 40,
            rag: 'green',
            narrative: 'Online booking live for all carers. New courses on the calendar; 3 of 5 delivered so far.',
          },
        ],
      },
    ],
  },
  {
    title:
      'Keep enough foster carers, able to meet current and expected demand, including brothers and sisters together, so that fewer exemptions are needed.',
    standards: 'NMS 13.1',
    actions: [
      {
        n: '3.1',
        deadlines: ['recruitment.exemption-review', 'reviews.review-due'],
        what: 'Better use of current vacancies: review carers who are not available, deregister where right, or use the “on hold” policy.',
        who: 'Fostering team managers and service managers',
        owner: 'manager',
        achieved:
          'Every inactive carer reviewed at their annual review, or sooner where needed, to make the most of in-house vacancies. Carers who need a break use the “on hold” policy.',
        measure:
          'Support teams review inactive carers with the fostering review team.\nScorecard: households on hold or inactive with their approval reviewed in time.',
        measures: [
          'reviews.paused-households-reviewed',
          'placements.in-house-rate',
          'households.sibling-groups',
          'recruitment.exemptions-agreed',
        ],
      },
      {
        n: '3.2',
        what: 'Update the recruitment strategy for social media and online advertising. Plan the recruitment budget for short-term campaigns (Fostering Fortnight) and the year.',
        who: 'Head of Fostering with the recruitment coordinator and the communications team',
        owner: 'head',
        byWhen: [0, '07-31'],
        achieved: `Website refreshed with new images and clear branding, updated often.\nRecruitment aimed at carers for brothers and sisters, teenagers and disabled children; West and North Kent first.\nMore use of social media and search advertising.\nTarget: 200 new fostering households, and 900 approved households, by ${w([1, '04-30'])}.\n30 carer ambassadors recruited.`,
        measure:
          'Communications team reports website visits, where enquirers heard of us, and applications after campaigns and events.\nRetention reviewed every 6 months from exit interviews (held with every carer who leaves).\nInterviews 6 months after approval, to learn about recruitment and early support.',
        measures: [
          'households.approved',
          'households.new-approvals',
          'recruitment.enquiries',
          'recruitment.exit-interviews',
          'recruitment.post-approval-interviews',
          'service-reviews.completed-on-time',
          'recruitment.enquiry-to-application',
          'recruitment.enquiry-to-approval',
          'recruitment.days-application-to-recommendation',
          'recruitment.recommended-within-8-months',
          'recruitment.households-left',
          'ambassadors.carer-ambassadors',
          'ambassadors.activities',
        ],
        updates: [
          {
            daysAgo: 150,
            rag: 'green',
            narrative:
              'Strategy agreed; Fostering Fortnight campaign brought the most enquiries of any fortnight this year.',
          },
          {
            daysAgo: 30,
            rag: 'amber',
            narrative: 'New approvals behind the pro-rata target; West Kent campaign starts next month.',
          },
        ],
      },
      {
        n: '3.3',
        what: 'Every new carer has a fostering mentor through assessment and the first year.',
        who: 'Fostering assessment teams',
        achieved:
          'Every applicant has a local mentor from the start of assessment (following research on retention). A supervising social worker is allocated before panel and attends panel with the assessing social worker.',
        measure:
          'Support teams keep the assessment team’s list of mentors up to date.\nThe 6-month post-approval interview asks how it went.\nThe recruitment coordinator reports yearly on new carers’ feedback.',
        measures: ['recruitment.mentors-allocated'],
      },
    ],
  },
  {
    title:
      'The Head of Fostering regularly checks the service’s records for compliance with policy, incidents, concerns, patterns and trends, in particular the uneven recording of annual reviews, panel reports, supervision and case records.',
    standards: 'NMS 25.2',
    actions: [
      {
        n: '4.1',
        deadlines: ['audits.month-done', 'audits.put-right'],
        what: 'Audit foster carer files regularly to improve recording and make it consistent across the county.',
        who: 'Service managers, Head of Fostering, team managers\nThemes and learning fed back at the children in care meeting and fostering managers’ meetings',
        owner: 'head',
        byWhenText: 'Monthly',
        achieved:
          'Support team managers audit 10 cases a month from their own team, including every case with an allegation, complaint or standards of care concern, and send one completed template a month to the Head of Service, collated for the Assistant Director.\nThe centralised teams audit a further 20 cases a month across the county, including annual reviews, and help other services with independent audits.\nAny case graded inadequate is put right within 5 days. Target: none graded inadequate by the end of December; all good or better. Safeguarding concerns acted on at once.',
        measure:
          'Audits recorded online, chosen at random.\nAudit ratings reviewed monthly by the Head of Service and the Assistant Director.\nOutcomes reported to extended managers’ meetings and children in care.',
        measures: [
          'audits.done-per-team',
          'audits.good-or-better',
          'audits.inadequate-put-right',
          'reviews.on-time',
          'reviews.first-to-panel',
        ],
        updates: [
          {
            daysAgo: 25,
            rag: 'amber',
            narrative: '2 cases graded inadequate this quarter, both put right within 5 days. Audit numbers on target.',
          },
        ],
      },
    ],
  },
  {
    title: 'Handling allegations and suspicions of harm.',
    standards: 'NMS 22',
    actions: [
      {
        n: '5.1',
        deadlines: ['concerns.lado-referral', 'concerns.complaint-response'],
        what: 'One central record of complaints and allegations, with clear leadership and performance management where needed.',
        who: 'Service managers\nHead of Fostering\nManager of the LADO service',
        owner: 'head',
        byWhen: [0, '07-31'],
        achieved:
          'Every allegation recorded on the carer’s record and presented to panel. Peer support training yearly for carers.\nHead of Service and LADO manager meet monthly, and twice a year with team managers to review cases and learning; a quarterly meeting with safeguarding, the LADO, the Head of Fostering and Adoption and the Assistant Director.\nSocial workers follow the guidance for working with a child and carer after an allegation.\nTraining for fostering and adoption social workers: signs of grooming and abuse in a fostering household; assessing risk; the allegations policy; standards of care and panel reports.\nA standard panel report template for standards of care concerns, in the Signs of Safety model.',
        measure:
          'The procedure for allegations against carers is updated and published; the LADO team has attended every fostering team meeting. Every allegation against a carer is referred to the LADO.\nTeams follow the allegations flowchart.\nAllegations reviewed on the scorecard.\nThe practice development officer maps cases with Signs of Safety and supports areas with many allegations.',
        measures: [
          'concerns.lado-referral-1-working-day',
          'concerns.notifications-24-hours',
          'concerns.allegations-concluded-3-months',
          'concerns.allegations-presented-to-panel',
          'concerns.carer-support-offered',
        ],
      },
    ],
  },
  {
    title: 'Payments to carers.',
    standards: 'NMS 28',
    actions: [
      {
        n: '6.1',
        deadlines: ['payments.rates-review', 'payments.enhancement-review'],
        what: 'Review carers’ payments and expenses every year, in line with the council’s payments and charging policy.',
        who: 'Assistant Director for Corporate Parenting and Head of Fostering',
        owner: 'head',
        byWhen: [0, '04-30'],
        achieved:
          'Payments in line with other local authorities and national guidance, and competitive with local independent fostering agencies.',
        measure:
          'Reviewed at the start of the financial year. Rates published on the fostering website and in the council’s payments publications.\nEvery disability enhancement reviewed at the funding panel each year.',
        measures: ['payments.enhancements-reviewed'],
        completed: true,
        updates: [
          { daysAgo: 200, rag: 'green', narrative: 'Rates reviewed and published for the year.', by: 'director' },
        ],
      },
      {
        n: '6.2',
        what: 'Review the payment for skills at levels 2 and 3.',
        who: 'Head of Fostering, training coordinator and foster carer ambassadors',
        owner: 'head',
        byWhen: [0, '09-30'],
        achieved:
          'Review how the payment for skills panel works.\nUpdate the competency framework and write a panel checklist for carers presented at level 2 or 3.\nCompare with agencies’ payment structures and consider how to attract agency carers to transfer.',
        measure: `A clear process for carers and staff to evidence level 2 and 3, applied the same across the county; training in line with the new framework.\nNew framework agreed by ${w([1, '01-31'])}, with costings, to start on ${w([1, '04-01'])}.`,
        measures: ['panel.skills-levels-agreed', 'panel.skills-evidence-complete'],
        updates: [
          {
            daysAgo: 60,
            rag: 'red',
            narrative:
              'Framework review delayed: the working group has met once. New date agreed with the ambassadors.',
          },
        ],
      },
      {
        n: '6.3',
        deadlines: ['service-reviews.agency-payments'],
        what: 'Carers transferring from independent fostering agencies.',
        who: 'Completed',
        achieved:
          'Carers transferring from an agency move onto the council’s payment structure; this is made clear when they apply and recorded at protocol meetings.',
        measure:
          'Every 6 months the Head of Fostering checks what local agencies pay so that ours stays competitive, and works with commissioning on agency placements for children with complex needs.\nA carer’s records are sent to the provider that asks within 15 working days (Fostering Services (England) Regulations 2011, regulation 32(6)).',
        measures: [
          'recruitment.agency-transfers',
          'recruitment.agency-transfers-protocol',
          'records.requests-answered-in-time',
          'service-reviews.completed-on-time',
        ],
        completed: true,
      },
    ],
  },
  {
    title: 'Foster carers get the support and supervision they need to care well for the children placed with them.',
    standards: 'NMS 21',
    actions: [
      {
        n: '7.1',
        deadlines: ['supervision.next-visit', 'supervision.notes-sent', 'supervision.unannounced-visit'],
        what: 'One supervision template used for every foster carer. A signed record of each supervision is sent to the carers electronically and kept on their record.',
        who: 'Team managers, service managers',
        owner: 'manager',
        byWhenText: 'Every supervision',
        achieved:
          'Supervision follows the Signs of Safety model, is recorded on the carer’s record, and copies reach carers within 5 working days.',
        measure:
          'Audits show one template in use across the county. Every household has a supervision agreement and receives notes of each supervision (every 4 to 6 weeks). Signed copies are on the record.',
        measures: [
          'supervision.households-supervised-6-weeks',
          'supervision.signed-agreement',
          'supervision.notes-within-5-days',
          'supervision.unannounced-12-months',
        ],
        updates: [
          {
            daysAgo: 10,
            rag: 'amber',
            narrative: 'Template agreed and in use in East Kent; West and North Kent start next month.',
          },
        ],
      },
      {
        n: '7.2',
        what: 'An effective out-of-hours service for foster carers.',
        who: 'Fostering team managers\nHead of Fostering\nService Manager for County Out of Hours',
        owner: 'head',
        byWhen: [0, '07-31'],
        achieved: `Review of the fostering out-of-hours service by ${w([0, '06-30'])}, from a sample of May's out-of-hours activity in every area. Proposals to the divisional management team in July: a joint report by the Head of Fostering and the Service Manager for County Out of Hours after consulting area managers and staff, including emergency placements and children placed from police custody.`,
        measure:
          'An updated out-of-hours service supporting carers, with more emergency placements for the county: in-house carers, emergency beds and semi-independent options.\nScorecard: emergency placements with in-house foster carers.',
        measures: ['placements.emergency-in-house', 'out-of-hours.calls'],
      },
      {
        n: '7.3',
        what: 'More stable placements and fewer moves for children coming into care, through extra support for carers; better retention of in-house carers.',
        who: 'Head of Fostering and the virtual school',
        owner: 'head',
        byWhen: [0, '07-01'],
        achieved:
          'Three kinds of extra support:\n1. Day and residential weekends at two outdoor activity centres, a break for carers and new experiences for children.\n2. 5 hub families across the county, each supporting 3 to 4 carers of young people with complex needs.\n3. A new emergency clinical psychology service for carers and children, replacing the current therapeutic support, from 1 July.',
        measure:
          'Scorecard: fewer moves between foster placements; fewer carers leaving; the hub families and the households they support, activity breaks, and emergency psychology support begun in time.\nFeedback from children’s and carers’ reviews and joint work with IROs.',
        measures: [
          'children.three-or-more-placements',
          'placements.unplanned-endings',
          'child-visits.visited-in-time',
          'recruitment.households-left',
          'extra-support.hub-families',
          'extra-support.supported-by-hub',
          'extra-support.activity-breaks',
          'extra-support.emergency-psychology-in-time',
        ],
      },
      {
        n: '7.4',
        what: 'More support for children and young people through the Lifelong Links pilot.',
        who: 'County manager for family group conferencing: pilot in East Kent, then countywide',
        owner: 'head',
        byWhen: [1, '04-30'],
        achieved:
          'First 30 children identified for the East Kent pilot. Briefing for carers at the carers’ association conference in July. The Head of Fostering works with family group conferencing on safeguarding checks.',
        measure:
          'Working group every 2 months, attended by the Head of Fostering.\n50 children in the project in year 1; 80 in year 2.',
        measures: ['lifelong-links.children-joining', 'lifelong-links.ended-with-plan'],
      },
    ],
  },
  {
    title: 'Preparation for placement.',
    standards: 'NMS 11',
    actions: [
      {
        n: '8.1',
        what: 'Children are matched carefully and, wherever possible, learn about their foster carers before they arrive. (NMS 11.3)',
        who: 'Service managers, team managers, Head of Fostering',
        owner: 'head',
        byWhen: [0, '06-01'],
        achieved:
          'Every carer has an up-to-date profile with photographs that can be printed and given to a child before the placement; in an emergency it can be emailed to the placing social worker and shown on a phone or tablet.\nAn audit found too little matching information in referrals. Target: referrals give reasons for the match and the support package; updated referral, placement arrangements and matching form live from 1 June.',
        measure:
          'A quality assurance form for every referral, overseen by the team manager.\nCarers ask children whether they saw the profile before arriving; recorded in supervision.',
        measures: ['placements.profile-seen', 'placements.unplanned-endings', 'children.three-or-more-placements'],
        updates: [
          {
            daysAgo: 15,
            rag: 'green',
            narrative: 'Profiles up to date for nearly all approved households; the new referral form is in use.',
          },
        ],
      },
      {
        n: '8.2',
        deadlines: ['placements.placement-plan'],
        what: 'Carers are given full information about the child.',
        who: 'Fostering team managers, supervising social workers',
        owner: 'manager',
        achieved:
          'An audit found too little information at referral. Target: referrals quality assured when received and returned to the child’s social worker if not good enough.\nEvery carer receives the referral, risk assessment, delegated authority and placement arrangements for each child placed.',
        measure:
          'The access to resources team manager audits referrals and placement meeting timescales monthly and reports to the children in care meeting.\nNew referral form, with delegated authority, matching and missing-from-care information, live from 1 June.',
        measures: ['placements.referrals-returned', 'placements.plan-and-papers'],
      },
      {
        n: '8.3',
        deadlines: ['placements.delegated-authority'],
        what: 'Delegated authority recorded for every child and young person.',
        who: 'Supervising social workers and children’s social workers',
        owner: 'head',
        byWhen: [0, '06-01'],
        achieved:
          'Delegated authority is used and signed inconsistently. Target: one delegated authority form within the placement arrangements, covering medical, education, social, religious and cultural needs.\nMatching included in the permanence policy with an updated sibling assessment.',
        measure:
          'Form live from 1 June. Delegated authority on every placement plan, with a signed copy given to the carer.\nChecked in every audit: an audit without it is rated inadequate and it must be in place within 5 days.',
        measures: ['placements.delegated-authority'],
        updates: [
          {
            daysAgo: 95,
            rag: 'amber',
            narrative: 'Form live; signed copies not yet reaching every carer within 5 working days.',
          },
        ],
      },
      {
        n: '8.4',
        deadlines: ['children.initial-health-assessment'],
        what: 'More children in care attend their initial health assessment.',
        who: 'Head of Service with the Head of Child Health Services and the community health trust',
        owner: 'head',
        achieved:
          'More children seen for their initial health assessment within the statutory timescale. An information sheet on initial health assessments for every carer.',
        measure: 'Joint work done and the information sheet sent to every approved carer.',
        measures: ['children.initial-health-assessment'],
      },
    ],
  },
  {
    title: 'Staff support and supervision.',
    standards: 'NMS 24',
    actions: [
      {
        n: '9.1',
        deadlines: ['staff.supervision', 'staff.folder-audits-quarter', 'staff.folder-audit-actions'],
        what: 'The service keeps a signed written record of every staff member’s supervision, saved centrally (team managers included).',
        who: 'Team managers, Head of Fostering',
        owner: 'manager',
        byWhen: [0, '09-30'],
        achieved:
          'Case discussion and reflection recorded on the case record; personal supervision, including training and development, kept in a central electronic folder.\nOne council template for staff supervision requested from the practice development officers, by September.\nA supervision audit every quarter, shared with the Assistant Director, who also reviews a random sample from each area.',
        measure:
          'Each area has an electronic folder the Head of Fostering and Assistant Director can open, with: the supervision agreement; PDPs and action plans; notes on the agreed template; confirmation of mandatory training (data protection, information governance, PREVENT, care planning regulations, bribery risks).',
        measures: [
          'staff.supervised-6-weeks',
          'staff.mandatory-training',
          'staff.folders-audited',
          'staff.folders-complete',
        ],
      },
    ],
  },
  {
    title: 'Statement of purpose.',
    standards: 'NMS 16',
    actions: [
      {
        n: '10.1',
        what: 'An ambitious fostering service with a learning culture that builds on what works for our children in care.\nEvery new member of fostering staff follows the fostering induction programme.',
        who: 'Assistant Director for Corporate Parenting\nService managers\nHead of Fostering\nThe carers’ association',
        owner: 'head',
        achieved: `Carers' skills grow and there is a range of placements for matching, through a varied training calendar linked to PDPs.\nTarget: more short-break carers in the specialist (disability) fostering service.\nSerious case reviews used to learn across the service.\nJoint events with the carers' association, the Head of Fostering at its quarterly meetings: a summer event for carers' own children; a recruitment float at a local fête (${w([0, '08-16'])}); the county foster carer awards (${w([0, '10-04'])}); summer holiday activities; a recruitment fair (${w([0, '08-25'])}).`,
        measure: `Statement of purpose (NMS 16.1) reviewed in January ${w([0, '01-31']).slice(-4)}: child-focused aims, and how the service achieves outcomes for children.\nTeam managers use serious case reviews in team meetings; reflective practice on every monthly extended managers' meeting.`,
        measures: [
          'staff.new-staff-inducted',
          'team-meetings.teams-learning',
          'team-meetings.extended-months',
          'households.short-breaks',
        ],
        deadlines: ['team-meetings.team-learning', 'team-meetings.extended-meeting', 'team-meetings.action'],
      },
      {
        n: '10.2',
        what: 'A learning culture through joint training.',
        who: 'Fostering team managers, supervising social workers, panel members and Head of Fostering',
        owner: 'head',
        byWhen: [0, '10-31'],
        achieved:
          'Joint training every year for panel members, supervising social workers, team managers and panel advisers.\nTarget: a yearly joint training day for all fostering staff and panel members, this year on safeguarding and sound recommendations and decisions at panel.\nTeam managers quality-assure all panel papers; a template for standards of care reports in the Signs of Safety model.',
        measure:
          'Training in September or October, evaluated.\nBetter panel reports and sound recommendations and decisions.',
        measures: [
          'panel.papers-assured',
          'panel.papers-on-time',
          'panel.quorate',
          'panel.decisions-in-time',
          'connected-persons.decided-in-time',
          'joint-training.attended',
          'joint-training.confidence-rose',
        ],
        deadlines: ['joint-training.next-day', 'joint-training.evaluation'],
      },
      {
        n: '10.3',
        what: 'Simpler, consistent support for new carers, who keep learning in their first year.',
        who: 'Team managers, support teams',
        owner: 'manager',
        achieved:
          'Every new carer has a senior practitioner or experienced social worker for their first year; each support team names its lead worker for new carers.',
        measure:
          'Policy on allocating supervising social workers to new and experienced carers in place.\nMeasured monthly on the scorecard.',
        measures: ['households.first-year-lead', 'recruitment.post-approval-interviews', 'training.core-first-year'],
      },
    ],
  },
  {
    title: 'Promoting independence, moving to adulthood and leaving care.',
    standards: 'NMS 12.1',
    actions: [
      {
        n: '11.1',
        what: 'Full arrangements for preparing and supporting young people to move on to independence. (NMS 12.3)',
        who: 'Head of Fostering\nService manager, 18-plus care leavers service',
        owner: 'head',
        byWhen: [0, '06-30'],
        achieved: `A clear leaving care policy, including Staying Put, in the online procedures and the fostering handbook.\nStaying Put policy update online by ${w([0, '05-31'])}.\nYoung people's workbook launched in June.`,
        measure: `The policy reaches carers through updated training for everyone caring for 16 to 18 year olds.\nA transitions workshop was held in January for staff, carers, young people and providers; further transitions training every 6 months, next in September.`,
        measures: ['independence.staying-put', 'children.left-care', 'children.left-care-adult'],
      },
      {
        n: '11.2',
        deadlines: ['independence.checklist-started', 'independence.checklist-completed'],
        what: 'A clear transition process for 16 to 18 year olds, who told us they are unsure of their options, for young people, carers and social workers alike.',
        who: 'Service manager\nHead of Service, 18 plus\nHead of Fostering',
        owner: 'head',
        achieved:
          'A transition programme for young people and carers, recorded in the pathway plan.\nAn independence checklist, part of reviews from 15½ and complete by 17½; with the IRO service, checked at reviews.\nClose working with the supported lodgings provider, who attends recruitment information events.',
        measure:
          'Social workers and carers have a clear checklist and plan, with every service and support option; a flowchart of the process.\nWorkshop for young people, carers and social workers in January.\nThe Head of Fostering attends the supported lodgings provider’s quarterly meetings.',
        measures: ['independence.checklist-started', 'independence.checklist-completed'],
      },
    ],
  },
];

/** Each action of the demo plan, by number, with the measures it is linked to (for the test that holds them to the measures' plan targets). */
export function demoPlanActions(): { n: string; measures: string[]; deadlines: string[] }[] {
  return targets(() => '').flatMap((t) =>
    t.actions.map((a) => ({ n: a.n, measures: a.measures ?? [], deadlines: a.deadlines ?? [] })),
  );
}

async function userByUsername(db: Db, username: string) {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  return user ?? null;
}

/** Loads the demo business plan for the financial year containing `today`. Returns its id. */
export async function seedDemoPlan(db: Db, options: { today?: IsoDate } = {}): Promise<string> {
  const today = options.today ?? todayInLondon();
  const year = financialYearOf(today);
  const startYear = Number(year.start.slice(0, 4));
  const w = ([offset, monthDay]: When) => `${startYear + offset}-${monthDay}`;
  const when = (d: When) => w(d);
  const ukWhen = (d: When) =>
    new Date(`${w(d)}T12:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  const actor = systemActor('demo data');
  const people: Record<Owner, Awaited<ReturnType<typeof userByUsername>>> = {
    head: await userByUsername(db, 'head'),
    director: await userByUsername(db, 'director'),
    manager: await userByUsername(db, 'manager'),
  };
  const planId = await createPlan(db, actor, {
    title: `Fostering Business Plan ${year.label}`,
    periodStart: year.start,
    periodEnd: year.end,
    vision: VISION,
    status: 'active',
  });
  for (const [index, target] of targets(ukWhen).entries()) {
    const targetId = await addTarget(db, actor, planId, {
      number: index + 1,
      title: target.title,
      standards: target.standards,
    });
    for (const a of target.actions) {
      const owner = a.owner ? people[a.owner] : null;
      const actionId = await addAction(db, actor, targetId, {
        number: a.n,
        whatWeWant: a.what,
        who: a.who,
        ownerUserId: owner?.id ?? null,
        byWhen: a.byWhen ? when(a.byWhen) : null,
        byWhenText: a.byWhenText ?? '',
        achievedAndTarget: a.achieved,
        howMeasured: a.measure,
        status: a.completed ? 'completed' : 'open',
        measureIds: a.measures ?? [],
        ruleIds: a.deadlines ?? [],
      });
      for (const u of a.updates ?? []) {
        const by = people[u.by ?? a.owner ?? 'head'];
        if (!by) continue;
        let onDate = addDays(today, -u.daysAgo);
        if (compareIsoDates(onDate, year.start) < 0) onDate = year.start;
        const author = { id: by.id, role: by.role as Role };
        const update = { onDate, rag: u.rag, narrative: u.narrative, completed: false };
        await addUpdate(db, author, actor, { id: actionId, ownerUserId: owner?.id ?? null }, update);
      }
    }
  }
  return planId;
}
