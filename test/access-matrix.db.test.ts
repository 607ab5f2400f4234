import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../src/platform/access/roles.ts';
import { can, type Permission } from '../src/platform/access/policy.ts';
import { demoUsers } from '../scripts/demo/people.ts';
import { Agent, createTestApp, signedIn, type TestApp } from './support/app.ts';

type Rule = 'public' | 'signed-in' | Permission;

/**
 * Every route of Hearth and who may use it. A route added without a row here fails this test,
 * and so does a route whose guard differs from its row: the row is the reviewed decision.
 */
const expected: Record<string, Rule> = {
  'GET /health': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'POST /sign-out': 'signed-in',
  'GET /signed-out': 'public',
  // The second step of signing in: open to a sign-in waiting for its code, which is not signed in.
  'GET /sign-in/code': 'public',
  'POST /sign-in/code': 'public',
  'GET /sign-in/set-up': 'public',
  'POST /sign-in/set-up': 'public',
  // Signing in with a council account (OpenID Connect): a 404 while no provider is set up.
  'GET /sign-in/oidc': 'public',
  'GET /sign-in/oidc/callback': 'public',
  'GET /sign-in/no-role': 'public',
  'GET /account': 'signed-in',
  'GET /account/second-factor': 'signed-in',
  'POST /account/second-factor': 'signed-in',
  'GET /account/recovery-codes': 'signed-in',
  'GET /account/password': 'signed-in',
  'POST /account/password': 'signed-in',
  'GET /records/:type/:id/audit': 'audit.view',
  'GET /': 'signed-in',
  'GET /my-work': 'work.view',
  'GET /my-work/rules': 'work.view',
  'GET /all-areas': 'signed-in',
  'GET /portal': 'portal.use',
  'GET /accessibility': 'public',
  'GET /privacy': 'public',
  'GET /organisation-logo': 'public',
  'GET /search': 'search.use',
  // Administration: user accounts only, never case content.
  'GET /admin': 'users.manage',
  'GET /admin/users': 'users.manage',
  'GET /admin/users/new': 'users.manage',
  'POST /admin/users/new': 'users.manage',
  'GET /admin/users/:id': 'users.manage',
  'GET /admin/users/:id/edit': 'users.manage',
  'POST /admin/users/:id/edit': 'users.manage',
  'GET /admin/users/:id/deactivate': 'users.manage',
  'GET /admin/users/:id/reactivate': 'users.manage',
  'GET /admin/users/:id/reset-password': 'users.manage',
  'POST /admin/users/:id/deactivate': 'users.manage',
  'POST /admin/users/:id/reactivate': 'users.manage',
  'POST /admin/users/:id/reset-password': 'users.manage',
  'GET /admin/users/:id/reset-second-factor': 'users.manage',
  'POST /admin/users/:id/reset-second-factor': 'users.manage',
  'GET /admin/users/:id/temporary-password': 'users.manage',
  // Signing in with council accounts: roles given by group, people waiting, staff passwords.
  'GET /admin/sign-in': 'users.manage',
  'GET /admin/sign-in/staff-passwords': 'users.manage',
  'POST /admin/sign-in/staff-passwords': 'users.manage',
  'GET /admin/sign-in/mappings': 'users.manage',
  'GET /admin/sign-in/mappings/new': 'users.manage',
  'POST /admin/sign-in/mappings/new': 'users.manage',
  'GET /admin/sign-in/mappings/:id/remove': 'users.manage',
  'POST /admin/sign-in/mappings/:id/remove': 'users.manage',
  'GET /admin/sign-in/waiting': 'users.manage',
  'GET /admin/sign-in/waiting/:id': 'users.manage',
  'POST /admin/sign-in/waiting/:id': 'users.manage',
  'GET /admin/sign-in/waiting/:id/link': 'users.manage',
  'POST /admin/sign-in/waiting/:id/link': 'users.manage',
  'GET /admin/sign-in/link-by-email': 'users.manage',
  'POST /admin/sign-in/link-by-email': 'users.manage',
  'GET /admin/users/:id/council-accounts/:accountId/unlink': 'users.manage',
  'POST /admin/users/:id/council-accounts/:accountId/unlink': 'users.manage',
  // Households and carers.
  'GET /households': 'households.view',
  'GET /households/new': 'households.change',
  'GET /households/:id': 'households.view',
  'GET /households/:id/edit': 'households.change',
  'POST /households/:id/edit': 'households.change',
  'GET /households/:id/status': 'households.change',
  'POST /households/:id/status': 'households.change',
  'GET /households/:id/status/:eventId/undo': 'households.change',
  'POST /households/:id/status/:eventId/undo': 'households.change',
  'GET /households/:id/status/:eventId/date': 'households.change',
  'POST /households/:id/status/:eventId/date': 'households.change',
  'GET /households/:id/terms': 'households.change',
  'POST /households/:id/terms': 'households.change',
  'GET /households/:id/allocation': 'households.allocate',
  'POST /households/:id/allocation': 'households.allocate',
  'GET /households/:id/carers/new': 'households.change',
  'POST /households/:id/carers/new': 'households.change',
  'GET /households/:id/carers/:personId/edit': 'households.change',
  'POST /households/:id/carers/:personId/edit': 'households.change',
  'GET /households/:id/members/new': 'households.change',
  'POST /households/:id/members/new': 'households.change',
  'GET /households/:id/members/:personId/edit': 'households.change',
  'POST /households/:id/members/:personId/edit': 'households.change',
  'GET /households/:id/checks/new': 'households.change',
  'POST /households/:id/checks/new': 'households.change',
  'GET /households/:id/checks/:checkId/edit': 'households.change',
  'POST /households/:id/checks/:checkId/edit': 'households.change',
  'GET /households/:id/profile': 'households.view',
  'GET /households/:id/profile.pdf': 'households.view',
  'GET /households/:id/profile/edit': 'households.change',
  'POST /households/:id/profile/edit': 'households.change',
  'GET /households/:id/photo': 'households.view',
  'GET /households/:id/photo/change': 'households.change',
  'POST /households/:id/photo': 'households.change',
  'GET /households/:id/restricted-access': 'households.allocate',
  'POST /households/:id/restricted-access': 'households.allocate',
  'POST /households/:id/restricted-access/remove': 'households.allocate',
  // Children, referrals, matching and placements.
  // The fostering panel and the agency decision (a panel member sees only the meetings they sit on).
  'GET /panel': 'panel.view',
  'GET /panel/members': 'panel.manage',
  'GET /panel/members/new': 'panel.manage',
  'POST /panel/members/new': 'panel.manage',
  'GET /panel/members/:id': 'panel.manage',
  'POST /panel/members/:id': 'panel.manage',
  'GET /panel/meetings/new': 'panel.manage',
  'POST /panel/meetings/new': 'panel.manage',
  'GET /panel/meetings/:id': 'panel.view',
  'GET /panel/meetings/:id/date': 'panel.manage',
  'POST /panel/meetings/:id/date': 'panel.manage',
  'POST /panel/meetings/:id/attendance': 'panel.manage',
  'POST /panel/meetings/:id/publish': 'panel.manage',
  'POST /panel/meetings/:id/minutes': 'panel.sit',
  'GET /panel/meetings/:id/items/new': 'panel.manage',
  'POST /panel/meetings/:id/items/new': 'panel.manage',
  'GET /panel/items/:id/skills-evidence': 'panel.papers',
  'POST /panel/items/:id/skills-evidence': 'panel.papers',
  'GET /panel/items/:id/papers/new': 'panel.papers',
  'POST /panel/items/:id/papers/new': 'panel.papers',
  'POST /panel/papers/:id/qa': 'panel.papers',
  'GET /panel/papers/:id': 'panel.view',
  'GET /panel/my-papers': 'panel.sit',
  'GET /panel/items/:id/recommendation': 'panel.manage',
  'POST /panel/items/:id/recommendation': 'panel.manage',
  'GET /panel/decisions': 'panel.decide',
  'GET /panel/items/:id/decision': 'panel.view',
  'POST /panel/items/:id/decision': 'panel.decide',
  'POST /panel/items/:id/letters': 'panel.letters',
  'GET /panel/items/:id/letter.pdf': 'panel.letters',
  'GET /panel/items/:id/letter.docx': 'panel.letters',
  'GET /children': 'children.view',
  'GET /children/new': 'children.change',
  'POST /children/new': 'children.change',
  'GET /children/:id': 'children.view',
  'GET /children/:id/edit': 'children.change',
  'POST /children/:id/edit': 'children.change',
  'GET /children/:id/health-assessments/new': 'children.change',
  'POST /children/:id/health-assessments/new': 'children.change',
  'GET /children/:id/health-assessments/:assessmentId/remove': 'children.change',
  'POST /children/:id/health-assessments/:assessmentId/remove': 'children.change',
  // A child leaving care: recorded, changed and removed (recorded in error) as the child's details are.
  'GET /children/:id/left-care': 'children.change',
  'POST /children/:id/left-care': 'children.change',
  'GET /children/:id/left-care/remove': 'children.change',
  'POST /children/:id/left-care/remove': 'children.change',
  'GET /children/:id/left-care/notifications': 'children.change',
  'POST /children/:id/left-care/notifications': 'children.change',
  // Visits by the child's social worker (child-visits): read by the child's readers, recorded by those who change the child.
  'GET /children/:id/visits': 'child-visits.view',
  'GET /children/:id/visits/new': 'child-visits.record',
  'POST /children/:id/visits/new': 'child-visits.record',
  'GET /children/:id/visits/:visitId': 'child-visits.record',
  'POST /children/:id/visits/:visitId': 'child-visits.record',
  'GET /children/:id/visits/:visitId/remove': 'child-visits.record',
  'POST /children/:id/visits/:visitId/remove': 'child-visits.record',
  'GET /children/:id/referral': 'referrals.create',
  'POST /children/:id/referral': 'referrals.create',
  'GET /children/:id/emergency-placement': 'referrals.review',
  'POST /children/:id/emergency-placement': 'referrals.review',
  'GET /referrals': 'referrals.list',
  'GET /referrals/:id': 'children.view',
  'GET /referrals/:id/edit': 'referrals.create',
  'POST /referrals/:id/edit': 'referrals.create',
  'POST /referrals/:id/accept': 'referrals.review',
  'GET /referrals/:id/return': 'referrals.review',
  'POST /referrals/:id/return': 'referrals.review',
  'POST /referrals/:id/withdraw': 'referrals.create',
  'GET /referrals/:id/matching': 'referrals.review',
  'GET /referrals/:id/match': 'referrals.review',
  'POST /referrals/:id/match': 'referrals.review',
  'GET /referrals/:id/place': 'referrals.review',
  'POST /referrals/:id/place': 'referrals.review',
  'GET /placements/:id': 'children.view',
  'GET /placements/:id/paperwork': 'placements.change',
  'POST /placements/:id/paperwork': 'placements.change',
  'GET /placements/:id/delegated-authority': 'placements.change',
  'POST /placements/:id/delegated-authority': 'placements.change',
  'GET /placements/:id/end': 'placements.change',
  'POST /placements/:id/end': 'placements.change',
  'GET /placements/:id/start': 'placements.change',
  'POST /placements/:id/start': 'placements.change',
  'GET /placements/:id/ending': 'placements.change',
  'POST /placements/:id/ending': 'placements.change',
  'GET /placements/:id/reopen': 'placements.change',
  'POST /placements/:id/reopen': 'placements.change',
  'GET /placements/:id/remove': 'placements.change',
  'POST /placements/:id/remove': 'placements.change',
  'GET /referrals/:id/agency-placement': 'referrals.review',
  'POST /referrals/:id/agency-placement': 'referrals.review',
  'GET /agency-placements/:id/end': 'placements.change',
  'POST /agency-placements/:id/end': 'placements.change',
  'GET /agency-placements/:id/ending': 'placements.change',
  'POST /agency-placements/:id/ending': 'placements.change',
  'GET /agency-placements/:id/reopen': 'placements.change',
  'POST /agency-placements/:id/reopen': 'placements.change',
  'GET /agency-placements/:id/start': 'placements.change',
  'POST /agency-placements/:id/start': 'placements.change',
  'GET /placements/:id/move': 'placements.change',
  'POST /placements/:id/move': 'placements.change',
  // Carer supervision: agreements and visits.
  'GET /households/:id/supervision': 'supervision.view',
  'GET /households/:id/supervision/new': 'supervision.record',
  'POST /households/:id/supervision/new': 'supervision.record',
  'GET /households/:id/supervision/agreement': 'supervision.record',
  'POST /households/:id/supervision/agreement': 'supervision.record',
  'GET /supervision/:id': 'supervision.view',
  'GET /supervision/:id/record.pdf': 'supervision.view',
  'GET /supervision/:id/edit': 'supervision.record',
  'POST /supervision/:id/edit': 'supervision.record',
  'GET /supervision/:id/finalise': 'supervision.record',
  'POST /supervision/:id/finalise': 'supervision.record',
  'POST /supervision/:id/notes-sent': 'supervision.record',
  'GET /supervision/:id/correct': 'supervision.record',
  'POST /supervision/:id/correct': 'supervision.record',
  'GET /supervision/:id/remove': 'supervision.record',
  'POST /supervision/:id/remove': 'supervision.record',
  // The notes to carers: the outbox, each message, sending again.
  'GET /supervision/outbox': 'supervision.view',
  'GET /supervision/:id/notes': 'supervision.view',
  'POST /supervision/:id/notes/retry': 'supervision.record',
  // The link in the message: public, the secret in it is the key (an unknown one is a 404).
  'GET /notes/:token': 'public',
  'POST /notes/:token': 'public',
  // The carer portal: a carer's own household.
  'GET /portal/supervision/:id/record.pdf': 'portal.use',
  'POST /portal/supervision/:id/acknowledge': 'portal.use',
  // Annual reviews of approval: run by the reviewing officers, independently of the SSW.
  'GET /reviews': 'reviews.view',
  'GET /households/:id/reviews': 'reviews.view',
  'GET /households/:id/reviews/new': 'reviews.run',
  'POST /households/:id/reviews/new': 'reviews.run',
  'GET /reviews/:id': 'reviews.view',
  'GET /reviews/:id/report.pdf': 'reviews.view',
  'GET /reviews/:id/report.docx': 'reviews.view',
  'GET /reviews/:id/record/:kind': 'reviews.contribute',
  'POST /reviews/:id/record/:kind': 'reviews.contribute',
  'GET /reviews/:id/checks': 'reviews.run',
  'POST /reviews/:id/checks': 'reviews.run',
  'GET /reviews/:id/links/new': 'reviews.run',
  'POST /reviews/:id/links/new': 'reviews.run',
  'GET /reviews/:id/complete': 'reviews.run',
  'POST /reviews/:id/complete': 'reviews.run',
  'GET /reviews/:id/cancel': 'reviews.run',
  'POST /reviews/:id/cancel': 'reviews.run',
  'GET /reviews/:id/correct': 'reviews.run',
  'POST /reviews/:id/correct': 'reviews.run',
  // A child's views and their social worker's feedback: public, the secret in the link is the key.
  'GET /r/thank-you': 'public',
  'GET /r/:token': 'public',
  'POST /r/:token': 'public',
  // The carers' copy of their reviews in the portal.
  'GET /portal/reviews': 'portal.use',
  'GET /portal/reviews/:id': 'portal.use',
  'GET /portal/reviews/:id/report.pdf': 'portal.use',
  'POST /portal/reviews/:id/comment': 'portal.use',
  // The scorecard and the business plan.
  'GET /scorecard': 'scorecard.view',
  'GET /scorecard.csv': 'scorecard.view',
  'GET /scorecard.xlsx': 'scorecard.view',
  'GET /scorecard/:measureId': 'scorecard.view',
  'GET /plan': 'plan.view',
  'GET /plan/new': 'plan.change',
  'POST /plan/new': 'plan.change',
  'GET /plan/:id': 'plan.view',
  'GET /plan/:id/print': 'plan.view',
  'GET /plan/:id/quarterly-review': 'plan.view',
  'GET /plan/:id/targets/new': 'plan.change',
  'POST /plan/:id/targets/new': 'plan.change',
  'GET /plan/targets/:id/edit': 'plan.change',
  'POST /plan/targets/:id/edit': 'plan.change',
  'GET /plan/:id/roll-over': 'plan.change',
  'POST /plan/:id/roll-over': 'plan.change',
  'GET /plan/actions/:id': 'plan.view',
  'GET /plan/actions/:id/update': 'plan.view',
  'POST /plan/actions/:id/update': 'plan.view',
  'GET /plan/targets/:id/actions/new': 'plan.change',
  'POST /plan/targets/:id/actions/new': 'plan.change',
  'GET /plan/actions/:id/edit': 'plan.change',
  'POST /plan/actions/:id/edit': 'plan.change',
  // The quarterly report to the executive: the head writes and issues; the director reads.
  'GET /reports': 'reports.view',
  'GET /reports/:quarter': 'reports.view',
  'GET /reports/:quarter/report.docx': 'reports.view',
  'GET /reports/:quarter/edit': 'reports.edit',
  'POST /reports/:quarter/edit': 'reports.edit',
  'GET /reports/:quarter/issue': 'reports.edit',
  'POST /reports/:quarter/issue': 'reports.edit',
  // Carers' training and development, participation events; the carer's own in the portal.
  'GET /training': 'training.view',
  'GET /training/courses': 'training.view',
  'GET /training/courses/new': 'training.manage',
  'POST /training/courses/new': 'training.manage',
  'GET /training/courses/:id': 'training.view',
  'GET /training/courses/:id/edit': 'training.manage',
  'POST /training/courses/:id/edit': 'training.manage',
  'GET /training/courses/:id/sessions/new': 'training.manage',
  'POST /training/courses/:id/sessions/new': 'training.manage',
  'GET /training/sessions/:id': 'training.view',
  'POST /training/sessions/:id/bookings': 'training.manage',
  'POST /training/bookings/:id/cancel': 'training.manage',
  'POST /training/sessions/:id/register': 'training.manage',
  'GET /training/sessions/:id/cancel': 'training.manage',
  'POST /training/sessions/:id/cancel': 'training.manage',
  'GET /training/sessions/:id/edit': 'training.manage',
  'POST /training/sessions/:id/edit': 'training.manage',
  'GET /households/:id/training': 'training.view',
  'GET /training/carers/:id': 'training.view',
  'GET /training/carers/:id/tsd': 'training.develop',
  'POST /training/carers/:id/tsd': 'training.develop',
  'GET /training/carers/:id/pdp': 'training.view',
  'GET /training/carers/:id/pdp/new': 'training.develop',
  'POST /training/carers/:id/pdp/new': 'training.develop',
  'GET /participation': 'training.view',
  'GET /participation/new': 'participation.record',
  'POST /participation/new': 'participation.record',
  'GET /participation/:id': 'training.view',
  'POST /participation/:id/attendance': 'participation.record',
  'POST /participation/:id/attendance/remove': 'participation.record',
  'GET /participation/:id/change': 'participation.record',
  'POST /participation/:id/change': 'participation.record',
  'GET /participation/:id/remove': 'participation.record',
  'POST /participation/:id/remove': 'participation.record',
  'GET /portal/training': 'portal.use',
  'GET /portal/training/sessions/:id': 'portal.use',
  'POST /portal/training/sessions/:id': 'portal.use',
  'POST /portal/training/bookings/:id/cancel': 'portal.use',
  // Allegations (the LADO process), concerns, complaints, compliments and notifications of
  // significant events: the SSW records, the LADO works allegations; scope in concerns/scope.ts.
  'GET /concerns': 'concerns.view',
  'GET /lado': 'allegations.lado',
  'GET /households/:id/concerns': 'concerns.view',
  'GET /households/:id/concerns/new': 'concerns.record',
  'POST /households/:id/concerns/new': 'concerns.record',
  'GET /concerns/new': 'concerns.record',
  'POST /concerns/new': 'concerns.record',
  'GET /concerns/:id': 'concerns.view',
  'GET /concerns/:id/referral': 'concerns.record',
  'POST /concerns/:id/referral': 'concerns.record',
  'GET /concerns/:id/decision': 'allegations.lado',
  'POST /concerns/:id/decision': 'allegations.lado',
  'GET /concerns/:id/meetings/new': 'allegations.lado',
  'POST /concerns/:id/meetings/new': 'allegations.lado',
  'GET /concerns/:id/outcome': 'allegations.lado',
  'POST /concerns/:id/outcome': 'allegations.lado',
  'GET /concerns/:id/child-told': 'concerns.view',
  'POST /concerns/:id/child-told': 'concerns.view',
  'GET /concerns/:id/carer-told': 'concerns.record',
  'POST /concerns/:id/carer-told': 'concerns.record',
  'GET /concerns/:id/panel': 'concerns.record',
  'POST /concerns/:id/panel': 'concerns.record',
  'GET /concerns/:id/support': 'concerns.record',
  'POST /concerns/:id/support': 'concerns.record',
  'GET /concerns/:id/placements': 'concerns.record',
  'POST /concerns/:id/placements': 'concerns.record',
  'GET /concerns/:id/account': 'concerns.view',
  'POST /concerns/:id/account': 'concerns.view',
  'GET /concerns/:id/close': 'concerns.record',
  'POST /concerns/:id/close': 'concerns.record',
  'GET /concerns/:id/response': 'concerns.record',
  'POST /concerns/:id/response': 'concerns.record',
  'GET /concerns/:id/extension': 'concerns.record',
  'POST /concerns/:id/extension': 'concerns.record',
  'GET /concerns/:id/next-stage': 'concerns.record',
  'POST /concerns/:id/next-stage': 'concerns.record',
  'GET /concerns/:id/review-panel': 'concerns.record',
  'POST /concerns/:id/review-panel': 'concerns.record',
  'GET /households/:id/notifications/new': 'concerns.record',
  'POST /households/:id/notifications/new': 'concerns.record',
  'GET /notifications/:id': 'concerns.view',
  'GET /notifications/:id/told': 'concerns.record',
  'POST /notifications/:id/told': 'concerns.record',
  'GET /notifications/:id/change': 'concerns.record',
  'POST /notifications/:id/change': 'concerns.record',
  'GET /notifications/:id/remove': 'concerns.record',
  'POST /notifications/:id/remove': 'concerns.record',
  // Staff supervision and mandatory staff training (scoped by staff/scope.ts: never a peer).
  'GET /my-supervision': 'staff.own',
  'GET /staff': 'staff.oversee',
  'GET /staff/:id': 'staff.view',
  'GET /staff/:id/agreement': 'staff.supervise',
  'POST /staff/:id/agreement': 'staff.supervise',
  'GET /staff/:id/sessions/new': 'staff.supervise',
  'POST /staff/:id/sessions/new': 'staff.supervise',
  'GET /staff/:id/pdp': 'staff.supervise',
  'POST /staff/:id/pdp': 'staff.supervise',
  'GET /staff/:id/training': 'staff.supervise',
  'POST /staff/:id/training': 'staff.supervise',
  'GET /staff/:id/joined': 'staff.supervise',
  'POST /staff/:id/joined': 'staff.supervise',
  'GET /staff/sessions/:id': 'staff.view',
  'GET /staff/sessions/:id/sign': 'staff.own',
  'POST /staff/sessions/:id/sign': 'staff.own',
  // Putting right a session or a training record recorded in error: the member's manager (staff/scope.ts `supervises`).
  'GET /staff/sessions/:id/change': 'staff.supervise',
  'POST /staff/sessions/:id/change': 'staff.supervise',
  'GET /staff/sessions/:id/remove': 'staff.supervise',
  'POST /staff/sessions/:id/remove': 'staff.supervise',
  'GET /staff/training/:id/change': 'staff.supervise',
  'POST /staff/training/:id/change': 'staff.supervise',
  'GET /staff/training/:id/remove': 'staff.supervise',
  'POST /staff/training/:id/remove': 'staff.supervise',
  // Audits of supervision folders (Target 9.1): the head audits; the director reads the quarter's list.
  'GET /staff/folder-audits': 'staff.folder-audits',
  'POST /staff/folder-audits/pick': 'staff.audit-folders',
  'GET /staff/folder-audits/:id': 'staff.view',
  'POST /staff/folder-audits/:id/actions-done': 'staff.view',
  'GET /staff/:id/folder-audit': 'staff.audit-folders',
  'POST /staff/:id/folder-audit': 'staff.audit-folders',
  // Case-file audits (scope: audits/scope.ts).
  'GET /audits': 'audits.view',
  'POST /audits/pick': 'audits.conduct',
  'GET /audits/months/:id': 'audits.conduct',
  'GET /audits/summary': 'audits.summary',
  'GET /audits/:id': 'audits.view',
  'GET /audits/:id/grade': 'audits.conduct',
  'POST /audits/:id/grade': 'audits.conduct',
  'GET /audits/:id/swap': 'audits.conduct',
  'POST /audits/:id/swap': 'audits.conduct',
  'GET /audits/:id/put-right': 'audits.put-right',
  'POST /audits/:id/put-right': 'audits.put-right',
  'POST /audits/:id/confirm': 'audits.conduct',
  // The road in and out: the pipeline, enquiries, information events, each household's assessment and its steps.
  'GET /recruitment': 'recruitment.view',
  'GET /recruitment/enquiries/new': 'recruitment.record',
  'POST /recruitment/enquiries/new': 'recruitment.record',
  'GET /recruitment/events': 'recruitment.view',
  'GET /recruitment/events/new': 'recruitment.record',
  'POST /recruitment/events/new': 'recruitment.record',
  'GET /households/:id/recruitment': 'recruitment.view',
  // Each step's form (steps.ts), and the corrections made as steps (application-date: the application's date).
  'GET /households/:id/recruitment/:step': 'recruitment.record',
  'POST /households/:id/recruitment/:step': 'recruitment.record',
  // A household's case-file audits (scope: audits/scope.ts) and a signed staff supervision record as a PDF (staff/scope.ts).
  'GET /households/:id/audits': 'audits.view',
  'GET /staff/sessions/:id/record.pdf': 'staff.view',
  // Payments to carers: the published rates and the disability enhancements (scope: payments/scope.ts).
  'GET /payments': 'payments.view',
  'GET /payments/rates/new': 'payments.manage',
  'POST /payments/rates/new': 'payments.manage',
  'GET /payments/enhancements': 'payments.view',
  'GET /payments/enhancements/new': 'payments.manage',
  'POST /payments/enhancements/new': 'payments.manage',
  'GET /payments/enhancements/:id': 'payments.view',
  // Requests for carers' records and records past their retention date (scope: records/scope.ts).
  'GET /households/:id/records-requests': 'records.view',
  'GET /households/:id/records-requests/new': 'records.record',
  'POST /households/:id/records-requests/new': 'records.record',
  'GET /records-requests/:id/sent': 'records.record',
  'POST /records-requests/:id/sent': 'records.record',
  'GET /records-requests/:id/change': 'records.record',
  'POST /records-requests/:id/change': 'records.record',
  'GET /records': 'records.oversee',
  'GET /records/retention': 'records.oversee',
  // A young person's independence checklist: read and recorded as the child's record is (scope: children/scope.ts).
  'GET /children/:id/independence': 'children.view',
  'GET /children/:id/independence/start': 'children.change',
  'POST /children/:id/independence/start': 'children.change',
  'GET /children/:id/independence/start-date': 'children.change',
  'POST /children/:id/independence/start-date': 'children.change',
  'GET /children/:id/independence/areas/:area': 'children.change',
  'POST /children/:id/independence/areas/:area': 'children.change',
  'POST /children/:id/independence/areas/:area/not-done': 'children.change',
  'GET /children/:id/independence/complete': 'children.change',
  'POST /children/:id/independence/complete': 'children.change',
  // Lifelong Links (action 7.4): read by those who record it and the assistant director, recorded by the child's
  // social worker and managers (scope: children/scope.ts); never a carer. The SSW reads only the child page's section.
  'GET /connected-persons': 'connected-persons.view',
  'GET /children/:id/temporary-approval': 'connected-persons.approve',
  'POST /children/:id/temporary-approval': 'connected-persons.approve',
  'GET /temporary-approvals/:id': 'connected-persons.view',
  'GET /temporary-approvals/:id/extend': 'connected-persons.approve',
  'POST /temporary-approvals/:id/extend': 'connected-persons.approve',
  'GET /temporary-approvals/:id/end': 'connected-persons.approve',
  'POST /temporary-approvals/:id/end': 'connected-persons.approve',
  'GET /temporary-approvals/:id/approval': 'connected-persons.approve',
  'POST /temporary-approvals/:id/approval': 'connected-persons.approve',
  'GET /temporary-approvals/:id/extension': 'connected-persons.approve',
  'POST /temporary-approvals/:id/extension': 'connected-persons.approve',
  'GET /temporary-approvals/:id/undo-end': 'connected-persons.approve',
  'POST /temporary-approvals/:id/undo-end': 'connected-persons.approve',
  'GET /lifelong-links': 'lifelong-links.view',
  'GET /lifelong-links/:id': 'lifelong-links.view',
  'GET /children/:id/lifelong-links/start': 'lifelong-links.record',
  'POST /children/:id/lifelong-links/start': 'lifelong-links.record',
  'GET /lifelong-links/:id/agreement': 'lifelong-links.record',
  'POST /lifelong-links/:id/agreement': 'lifelong-links.record',
  'GET /lifelong-links/:id/people': 'lifelong-links.record',
  'POST /lifelong-links/:id/people': 'lifelong-links.record',
  'GET /lifelong-links/:id/meeting': 'lifelong-links.record',
  'POST /lifelong-links/:id/meeting': 'lifelong-links.record',
  'GET /lifelong-links/:id/plan': 'lifelong-links.record',
  'POST /lifelong-links/:id/plan': 'lifelong-links.record',
  'GET /lifelong-links/:id/end': 'lifelong-links.record',
  'POST /lifelong-links/:id/end': 'lifelong-links.record',
  'GET /lifelong-links/:id/start': 'lifelong-links.record',
  'POST /lifelong-links/:id/start': 'lifelong-links.record',
  // A child missing from care: read and recorded by those who read the child (scope: missing/scope.ts).
  'GET /missing': 'missing.view',
  'GET /missing/:id': 'missing.view',
  'GET /children/:id/missing': 'missing.view',
  'GET /children/:id/missing/new': 'missing.record',
  'POST /children/:id/missing/new': 'missing.record',
  'GET /missing/:id/return': 'missing.record',
  'POST /missing/:id/return': 'missing.record',
  'GET /missing/:id/interview': 'missing.record',
  'POST /missing/:id/interview': 'missing.record',
  'GET /missing/:id/remove': 'missing.record',
  'POST /missing/:id/remove': 'missing.record',
  'GET /missing/:id/change': 'missing.record',
  'POST /missing/:id/change': 'missing.record',
  // Out-of-hours calls: read by those who read the household in full, recorded by the rota (scope: out-of-hours/scope.ts).
  'GET /out-of-hours': 'out-of-hours.view',
  'GET /out-of-hours/:id': 'out-of-hours.view',
  'GET /households/:id/out-of-hours': 'out-of-hours.view',
  'GET /households/:id/out-of-hours/new': 'out-of-hours.record',
  'POST /households/:id/out-of-hours/new': 'out-of-hours.record',
  'GET /out-of-hours/:id/change': 'out-of-hours.record',
  'POST /out-of-hours/:id/change': 'out-of-hours.record',
  'GET /out-of-hours/:id/remove': 'out-of-hours.record',
  'POST /out-of-hours/:id/remove': 'out-of-hours.record',
  // Joint training days (action 10.2): read by fostering staff, panel members and the director; recorded by the head and
  // the training coordinator; an attendee gives their own evaluation (scope: joint-training/scope.ts).
  'GET /joint-training': 'joint-training.view',
  'GET /joint-training/new': 'joint-training.manage',
  'POST /joint-training/new': 'joint-training.manage',
  'GET /joint-training/:id': 'joint-training.view',
  'GET /joint-training/:id/edit': 'joint-training.manage',
  'POST /joint-training/:id/edit': 'joint-training.manage',
  'GET /joint-training/:id/attendance': 'joint-training.manage',
  'POST /joint-training/:id/attendance': 'joint-training.manage',
  'GET /joint-training/:id/evaluation': 'joint-training.view',
  'POST /joint-training/:id/evaluation': 'joint-training.view',
  'GET /joint-training/evaluations/:id': 'joint-training.view',
  'POST /joint-training/evaluations/:id': 'joint-training.manage',
  // A day recorded by mistake is removed, with who attended and their evaluations, by those who record days.
  'GET /joint-training/:id/remove': 'joint-training.manage',
  'POST /joint-training/:id/remove': 'joint-training.manage',
  // The six-monthly reviews: read by managers, the director, the LADO and the recruitment coordinator (each the
  // kinds scope.ts gives them), written by their writers (scope: service-reviews/scope.ts).
  'GET /service-reviews': 'service-reviews.view',
  'GET /service-reviews/:kind/:period': 'service-reviews.view',
  'GET /service-reviews/:kind/:period/areas/:areaId': 'service-reviews.view',
  'POST /service-reviews/:kind/:period': 'service-reviews.write',
  'POST /service-reviews/:kind/:period/areas/:areaId': 'service-reviews.write',
  // Learning from serious case reviews: read by a team's own staff, its area's service manager, the head and the
  // director; a team's meetings recorded by its own manager; the reviews and extended meetings by the head
  // (scope: team-meetings/scope.ts).
  'GET /learning-from-reviews': 'team-meetings.view',
  'GET /learning-from-reviews/new': 'team-meetings.manage',
  'POST /learning-from-reviews/new': 'team-meetings.manage',
  'GET /learning-from-reviews/:id': 'team-meetings.view',
  'GET /teams/:id/team-meetings': 'team-meetings.view',
  'GET /teams/:id/team-meetings/new': 'team-meetings.record',
  'POST /teams/:id/team-meetings/new': 'team-meetings.record',
  'GET /team-meetings/:id': 'team-meetings.view',
  'GET /team-meetings/:id/actions/new': 'team-meetings.record',
  'POST /team-meetings/:id/actions/new': 'team-meetings.record',
  'POST /team-meeting-actions/:id/done': 'team-meetings.view',
  'POST /team-meeting-actions/:id/not-done': 'team-meetings.view',
  'GET /team-meeting-actions/:id/edit': 'team-meetings.record',
  'POST /team-meeting-actions/:id/edit': 'team-meetings.record',
  'GET /team-meeting-actions/:id/remove': 'team-meetings.record',
  'POST /team-meeting-actions/:id/remove': 'team-meetings.record',
  'GET /extended-meetings': 'team-meetings.extended',
  'GET /extended-meetings/new': 'team-meetings.manage',
  'POST /extended-meetings/new': 'team-meetings.manage',
  'GET /extended-meetings/:id': 'team-meetings.extended',
  'GET /extended-meetings/:id/edit': 'team-meetings.manage',
  'POST /extended-meetings/:id/edit': 'team-meetings.manage',
  'GET /extended-meetings/:id/remove': 'team-meetings.manage',
  'POST /extended-meetings/:id/remove': 'team-meetings.manage',
  // Putting right what was recorded: a meeting changed or removed by those who record the team's meetings (its own
  // manager, its area's service manager, the head); a review changed, or removed while no meeting discussed it, by the head.
  'GET /team-meetings/:id/edit': 'team-meetings.record',
  'POST /team-meetings/:id/edit': 'team-meetings.record',
  'GET /team-meetings/:id/remove': 'team-meetings.record',
  'POST /team-meetings/:id/remove': 'team-meetings.record',
  'GET /learning-from-reviews/:id/edit': 'team-meetings.manage',
  'POST /learning-from-reviews/:id/edit': 'team-meetings.manage',
  'GET /learning-from-reviews/:id/remove': 'team-meetings.manage',
  'POST /learning-from-reviews/:id/remove': 'team-meetings.manage',
};

/** A made-up record id: guarded routes answer 404 to an allowed role, as the record does not exist. */
const NO_SUCH_RECORD = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) =>
  url.replace(':type', 'user').replace(/:(id|personId|measureId|token)/g, NO_SUCH_RECORD);
/** The platform's page for a role without the route's permission (platform/access/plugin.ts). */
const ROLE_REFUSED = 'You do not have access to this page';
const usernameOf = (role: Role) => demoUsers.find((u) => u.role === role)?.username;

let t: TestApp;
let routes: { method: string; url: string }[];

beforeAll(async () => {
  t = await createTestApp();
  routes = t.app.routeTable.filter((r) => !r.url.startsWith('/assets/'));
});
afterAll(async () => {
  await t.close();
});

describe('the access matrix', () => {
  it('has a reviewed row for every route, and a route for every row', () => {
    const actual = routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(actual.filter((key) => !(key in expected))).toEqual([]);
    expect(Object.keys(expected).filter((key) => !actual.includes(key))).toEqual([]);
  });

  it('sends a signed-out visitor to sign in for every route that is not public', async () => {
    const visitor = new Agent(t.app);
    for (const route of routes) {
      const rule = expected[`${route.method} ${route.url}`];
      if (rule === 'public') continue;
      const response =
        route.method === 'GET' ? await visitor.get(concrete(route.url)) : await visitor.post(concrete(route.url), {});
      const where = `${route.method} ${route.url}`;
      if (route.method === 'GET') {
        expect(response.statusCode, where).toBe(302);
        expect(response.headers.location, where).toMatch(/^\/sign-in/);
      } else {
        expect(response.statusCode, where).toBe(401);
      }
    }
  });

  for (const role of roles) {
    const username = usernameOf(role);
    if (!username) continue;
    it(`lets ${role} (${username}) use exactly the routes the policy gives the role`, async () => {
      const agent = await signedIn(t.app, username);
      // Sign-out last: it ends the session the other requests use.
      const ordered = [...routes].sort((a, b) => Number(a.url === '/sign-out') - Number(b.url === '/sign-out'));
      for (const route of ordered) {
        const rule = expected[`${route.method} ${route.url}`]!;
        const allowed = rule === 'public' || rule === 'signed-in' || can(role, rule);
        const response =
          route.method === 'GET' ? await agent.get(concrete(route.url)) : await agent.post(concrete(route.url), {});
        const where = `${role} ${route.method} ${route.url} -> ${response.statusCode}`;
        const refusedByPolicy = response.statusCode === 403 && response.body.includes(ROLE_REFUSED);
        if (allowed) {
          // Allowed through the door: the route itself may still say not found, invalid or
          // "you cannot change this record" (a scope rule), but never the role refusal.
          expect(refusedByPolicy, where).toBe(false);
          expect([401, 500], where).not.toContain(response.statusCode);
          expect(String(response.headers.location ?? ''), where).not.toMatch(/^\/sign-in/);
        } else {
          expect(refusedByPolicy, where).toBe(true);
        }
      }
      // Every route in the service once: the head of fostering's open the whole service's pages.
    }, 120_000);
  }

  it('keeps case records from the administrator and staff pages from the foster carer', () => {
    const caseRules = Object.values(expected).filter((r) => /^(households|children|referrals|placements)\./.test(r));
    for (const rule of caseRules) expect(can('admin', rule as Permission), rule).toBe(false);
    const carerRules = Object.values(expected).filter(
      (r): r is Permission => r !== 'public' && r !== 'signed-in' && can('foster_carer', r as Permission),
    );
    expect([...new Set(carerRules)]).toEqual(['portal.use']);
  });
});
