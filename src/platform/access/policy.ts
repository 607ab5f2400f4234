import type { Role } from './roles.ts';

/** The head of fostering, service managers and team managers: most of what the service manages, they do. */
const MANAGERS = ['head_of_fostering', 'service_manager', 'team_manager'] as const satisfies readonly Role[];

/**
 * What each role may do. This is the one place that says so: routes name a permission,
 * services check one, and the access-matrix test holds every route to it.
 */
export const permissions = {
  /** Staff home page: "My work" and the deadlines in the user's scope. */
  'work.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'reviewing_officer',
    'childrens_social_worker',
    'lado',
    'panel_member',
    'panel_adviser',
    'decision_maker',
    'training_coordinator',
    'recruitment_coordinator',
    'payments_officer',
  ],
  /** Households and carers: read (scoped by platform/access/scope.ts householdScope). */
  'households.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'reviewing_officer',
    'childrens_social_worker',
    'recruitment_coordinator',
    'payments_officer',
    'panel_adviser',
    'decision_maker',
  ],
  /** Record and change households, carers, members, checks and status (scope: canChangeHousehold). */
  'households.change': [...MANAGERS, 'supervising_social_worker', 'assessing_social_worker', 'recruitment_coordinator'],
  /** Allocate a supervising social worker, first-year lead and mentor. */
  'households.allocate': [...MANAGERS],
  /** Children in care: read (scoped by childScope). */
  'children.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'reviewing_officer',
    'childrens_social_worker',
  ],
  /** Record and change a child's details and health assessments. */
  'children.change': [...MANAGERS, 'childrens_social_worker'],
  /**
   * A child's Lifelong Links work (business plan action 7.4; scoped by childVisibleTo): its pages and
   * the list, read by those who record it and the assistant director; never by a carer.
   */
  'lifelong-links.view': [...MANAGERS, 'assistant_director', 'childrens_social_worker'],
  /** Record the work's steps: the child's social worker, team managers, service managers and the head. */
  'lifelong-links.record': [...MANAGERS, 'childrens_social_worker'],
  /** The section on the child's page: also the supervising social workers of the child's household (they support the carer). */
  'lifelong-links.section': [...MANAGERS, 'assistant_director', 'childrens_social_worker', 'supervising_social_worker'],
  /**
   * Out-of-hours calls from carers (modules/out-of-hours/scope.ts): read by those who read the
   * household in full and the assistant director; recorded by the supervising social workers and
   * managers who take the out-of-hours rota.
   */
  'out-of-hours.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker'],
  'out-of-hours.record': [...MANAGERS, 'supervising_social_worker'],
  /**
   * Extra support for carers (modules/extra-support/scope.ts; business plan action 7.3): hub
   * families, activity breaks and clinical psychology support. Read by those who read the household
   * in full and the assistant director (the reviewing officer reads it on the annual review); recorded by those who may change the household; a household
   * made a hub family, or no longer one, by a manager.
   */
  'extra-support.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker'],
  'extra-support.record': [...MANAGERS, 'supervising_social_worker'],
  'extra-support.hubs': [...MANAGERS],
  /**
   * Carer Ambassadors (modules/ambassadors/scope.ts; business plan action 3.2): read by those who read
   * the household in full, the assistant director and the recruitment coordinator; their work recorded
   * by those who may change the household; a carer made an ambassador, or no longer one, by a manager
   * or the recruitment coordinator.
   */
  'ambassadors.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker', 'recruitment_coordinator'],
  'ambassadors.record': [...MANAGERS, 'supervising_social_worker', 'recruitment_coordinator'],
  'ambassadors.appoint': [...MANAGERS, 'recruitment_coordinator'],
  /**
   * A child's missing from care episodes (modules/missing/scope.ts): read by those who read the
   * child, recorded by the child's social worker and the supervising social workers (the carer rings
   * them first) and managers; never by a foster carer.
   */
  'missing.view': [...MANAGERS, 'assistant_director', 'childrens_social_worker', 'supervising_social_worker'],
  'missing.record': [...MANAGERS, 'childrens_social_worker', 'supervising_social_worker'],
  /**
   * Visits to a child by their social worker (regulations 28 and 29): read by everyone who reads the
   * child (scoped by childVisibleTo), never by a foster carer.
   */
  'child-visits.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'reviewing_officer',
    'childrens_social_worker',
  ],
  /** Record a visit to a child: whoever may change the child's record (the allocated social worker, managers, the head). */
  'child-visits.record': [...MANAGERS, 'childrens_social_worker'],
  /**
   * Temporary approval of connected persons (regulations 24 and 25): read by those who read the
   * household or the child (connected-persons/scope.ts), never by a foster carer.
   */
  'connected-persons.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'childrens_social_worker',
  ],
  /** Record a nominated officer's decisions to give, extend and end temporary approval. */
  'connected-persons.approve': [...MANAGERS],
  /** Make a referral for a placement (a child's social worker). */
  'referrals.create': ['childrens_social_worker', 'head_of_fostering'],
  /** Quality-assure referrals: accept or return with reasons; match; place. */
  'referrals.review': [...MANAGERS],
  /** Placements: start, end, documents given, delegated authority. */
  'placements.change': [...MANAGERS, 'childrens_social_worker', 'supervising_social_worker'],
  /** One search box over carers, household members and children (results scoped). */
  'search.use': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'reviewing_officer',
    'childrens_social_worker',
    'recruitment_coordinator',
    'payments_officer',
  ],
  /** Create, deactivate and reset users; set roles, teams and areas. */
  'users.manage': ['admin'],
  /** Open "who has seen or changed this record" for records in scope. */
  'audit.view': [...MANAGERS, 'admin'],
  /** The carer portal: own household only. */
  'portal.use': ['foster_carer'],
  /**
   * The scorecard: every measure's figures for the service, its areas and teams (no personal
   * data); the records behind a figure are listed only within the viewer's household scope.
   */
  'scorecard.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker'],
  /** The business plan: targets, actions, progress updates, quarterly review, print and Word export. */
  'plan.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker'],
  /** Write and roll over the business plan (an action's owner may also add its updates). */
  'plan.change': ['head_of_fostering'],
  /** Own a plan action and add its progress updates: staff who work to the plan (the assistant director reads it). */
  'plan.own': [...MANAGERS, 'supervising_social_worker'],
  /** Carer supervision: agreements and visits (scoped by householdVisibleTo). */
  'supervision.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker'],
  /** Record, edit and finalise supervisions and agreements (an SSW for their allocated households, a team manager for their team). */
  'supervision.record': ['head_of_fostering', 'team_manager', 'supervising_social_worker'],
  /**
   * A household's safer-care plan, each version agreed with the carers (scope: safer-care/scope.ts):
   * read by those who read the household in full (a carer reads only their own plan in force, on the portal's home).
   */
  'safer-care.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'reviewing_officer',
  ],
  /** Record a version agreed, or correct one: those who change the household (an SSW their own households). */
  'safer-care.record': [...MANAGERS, 'supervising_social_worker', 'assessing_social_worker'],
  /** Carers' training and development: the calendar, courses, sessions, carers' training records and PDPs, participation events. */
  'training.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'reviewing_officer',
    'training_coordinator',
  ],
  /** Run the training calendar: courses, sessions, bookings for carers, cancellations and registers. */
  'training.manage': ['head_of_fostering', 'training_coordinator'],
  /** Record a carer's PDP and TSD standards evidenced (for the households the worker may change; reviewers at review). */
  'training.develop': [...MANAGERS, 'supervising_social_worker', 'assessing_social_worker', 'reviewing_officer'],
  /** Record participation events and who attended them (children only within the recorder's own scope). */
  'participation.record': [...MANAGERS, 'supervising_social_worker', 'training_coordinator'],
  /** Annual reviews of approval and their reports (scoped by the household: SSWs see their households'). */
  'reviews.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker', 'reviewing_officer'],
  /** Run reviews independently of the SSW: start, ask for views by link, record checks, complete. */
  'reviews.run': ['head_of_fostering', 'reviewing_officer'],
  /** Record what a review gathers (an SSW their own household's SSW report; see reviews/service.ts canRecord). */
  'reviews.contribute': ['head_of_fostering', 'team_manager', 'supervising_social_worker', 'reviewing_officer'],
  /**
   * Allegations, standard-of-care concerns, complaints and compliments, and notifications of
   * significant events (scoped by concerns/scope.ts: an allegation only to the LADO, the head, the
   * household's supervising social worker and team manager, and a named child's social worker).
   */
  'concerns.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker', 'childrens_social_worker', 'lado'],
  /** Record matters, complaint stages, support, outcomes given and notifications (scope: concerns/service.ts). */
  'concerns.record': [...MANAGERS, 'supervising_social_worker'],
  /** The LADO's part of an allegation: the decision on immediate action, meetings, the outcome; the LADO's home. */
  'allegations.lado': ['lado', 'head_of_fostering'],
  /**
   * A member of staff's supervision folder: agreement, sessions, PDP, training (scoped by
   * staff/scope.ts: the member, their manager, the head and the assistant director; never a peer).
   */
  'staff.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'reviewing_officer',
    'training_coordinator',
    'recruitment_coordinator',
    'payments_officer',
  ],
  /** "My supervision": the member's own folder, and signing their own session records. */
  'staff.own': [
    'service_manager',
    'team_manager',
    'supervising_social_worker',
    'assessing_social_worker',
    'reviewing_officer',
    'training_coordinator',
    'recruitment_coordinator',
    'payments_officer',
  ],
  /** The list of the staff a manager oversees: who is due or overdue for supervision. */
  'staff.oversee': ['head_of_fostering', 'assistant_director', 'team_manager'],
  /** Record a member's agreement, sessions, PDP, training and start (their team manager; the head for managers). */
  'staff.supervise': ['head_of_fostering', 'team_manager'],
  /** The quarter's audits of supervision folders, by area against the plan's two in each (Target 9.1). */
  'staff.folder-audits': ['head_of_fostering', 'assistant_director'],
  /** Audit a member's supervision folder, or have one chosen at random (the head; never their own). */
  'staff.audit-folders': ['head_of_fostering'],
  /** Case-file audits (scoped by audits/scope.ts: a team manager their team's, an SSW their households' completed ones). */
  'audits.view': [...MANAGERS, 'supervising_social_worker'],
  /** Pick a month's files, audit them, swap one, confirm an inadequate one put right (scope: audits/scope.ts). */
  'audits.conduct': [...MANAGERS],
  /** Record an inadequate audit put right (the household's supervising social worker). */
  'audits.put-right': ['head_of_fostering', 'supervising_social_worker'],
  /** The head's monthly audit summary: each team's month and the themes (no personal records). */
  'audits.summary': ['head_of_fostering', 'assistant_director', 'service_manager'],
  /** The fostering panel's calendar and meeting pages (a panel member sees only the meetings they sit on). */
  'panel.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'recruitment_coordinator',
    'panel_member',
    'panel_adviser',
    'decision_maker',
  ],
  /** Run the panel: the central list of members, meetings, attendance, the agenda, publishing papers, recommendations. */
  'panel.manage': ['head_of_fostering', 'panel_adviser'],
  /** Upload papers for an agenda item of a household one may change; a team manager quality-assures them. */
  'panel.papers': [
    'head_of_fostering',
    'team_manager',
    'supervising_social_worker',
    'assessing_social_worker',
    'panel_adviser',
  ],
  /** A panel member's own page: the published papers of the meetings they sit on; the chair signs the minutes. */
  'panel.sit': ['panel_member'],
  /** The agency decision maker: the queue of recommendations and the decisions. */
  'panel.decide': ['decision_maker'],
  /** The letters to the applicant after a decision (Word and PDF), and when they were told. */
  'panel.letters': ['head_of_fostering', 'panel_adviser', 'decision_maker'],
  /** The referrals list: a reviewer's for their area, a children's social worker's own (scope: placements/scope.ts). */
  'referrals.list': [...MANAGERS, 'childrens_social_worker'],
  /**
   * The road in and out (recruitment module): the pipeline, enquiries, information events, the
   * household's assessment page (scoped by householdVisibleTo) and the leaving record.
   */
  'recruitment.view': [...MANAGERS, 'assistant_director', 'assessing_social_worker', 'recruitment_coordinator'],
  /** Record enquiries, events, visits, applications, checks, assessments, withdrawals, exemptions, leaving (steps: recruitment/steps.ts). */
  'recruitment.record': [...MANAGERS, 'assessing_social_worker', 'recruitment_coordinator'],
  /** The quarterly report to the executive (NMS 25.7): issued reports and the current draft, read-only. */
  'reports.view': ['head_of_fostering', 'assistant_director', 'service_manager'],
  /** Write the quarterly report's foreword and narrative, and issue it. */
  'reports.edit': ['head_of_fostering'],
  /**
   * Payments to carers: the published rates, and the disability enhancements of the children placed
   * with the households one reads (scope: payments/scope.ts). Supervising social workers too: they
   * explain to their carers what they are paid.
   */
  'payments.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker', 'payments_officer'],
  /** Publish a new set of rates; record a disability enhancement agreed at the funding panel, and its review. */
  'payments.manage': ['head_of_fostering', 'payments_officer'],
  /**
   * Requests for a carer's records from another fostering service provider or an adoption agency
   * (Fostering Services (England) Regulations 2011, regulation 32(6)): read for the households one
   * reads (scope: records/scope.ts).
   */
  'records.view': [...MANAGERS, 'supervising_social_worker'],
  /** Record a request for a household's records and the day they were sent (for a household one reads). */
  'records.record': [...MANAGERS],
  /** The Records page: the open requests across the service (or area) and the records past their retention date. */
  'records.oversee': ['head_of_fostering', 'service_manager'],
  /**
   * The six-monthly reviews of business plan actions 1.1, 1.2, 3.2 and 6.3 (scope: service-reviews/scope.ts:
   * managers their area's and the service-wide ones, the LADO allegations and complaints, the recruitment
   * coordinator retention of carers).
   */
  'service-reviews.view': [...MANAGERS, 'assistant_director', 'lado', 'recruitment_coordinator'],
  /** Write and complete one (the head any; a service manager their area's children's feedback; the LADO; the recruitment coordinator). */
  'service-reviews.write': ['head_of_fostering', 'service_manager', 'lado', 'recruitment_coordinator'],
  /**
   * Joint training days for fostering staff and panel members (business plan action 10.2; scope:
   * joint-training/scope.ts): the days, who attended and the evaluations' summary, read by those the
   * days are for and the assistant director; never by a carer or a child's social worker.
   */
  'joint-training.view': [
    ...MANAGERS,
    'assistant_director',
    'supervising_social_worker',
    'assessing_social_worker',
    'panel_member',
    'panel_adviser',
    'training_coordinator',
  ],
  /** Record a day, its attendance and an evaluation from a paper form: the head of fostering and the training coordinator. */
  'joint-training.manage': ['head_of_fostering', 'training_coordinator'],
  /**
   * Learning from serious case reviews (business plan action 10.1; scope: team-meetings/scope.ts):
   * the reviews the service learns from and the team meetings that discussed them, read by the
   * team's own staff (a supervising social worker their own team's), an area's service manager, the
   * head and the assistant director; never by a carer or a child's social worker.
   */
  'team-meetings.view': [...MANAGERS, 'assistant_director', 'supervising_social_worker'],
  /**
   * Record, change or remove a team's meeting, its learning and actions: the team's own manager, the
   * service manager of its area (who chairs while the manager is away) and the head (scope.ts).
   */
  'team-meetings.record': ['team_manager', 'service_manager', 'head_of_fostering'],
  /** Keep the list of serious case reviews and record the monthly extended team manager meetings: the head. */
  'team-meetings.manage': ['head_of_fostering'],
  /** The monthly extended team manager meetings: the managers who attend them, and the assistant director. */
  'team-meetings.extended': [...MANAGERS, 'assistant_director'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/**
 * How a route is protected. Every route must declare one (the app refuses to start otherwise):
 * 'public' for pages anyone may open, 'signed-in' for any signed-in user, or a permission.
 */
export type RouteAccess = 'public' | 'signed-in' | { permission: Permission };
