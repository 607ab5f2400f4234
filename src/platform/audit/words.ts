/**
 * What an audit entry says in words a person reads ("viewed the household record", "changed the
 * approval terms"), from its action, record type and the part of the record it names. Every
 * action, record type and part the code writes has its words here (words.test.ts collects them
 * from the code and holds this list to them).
 */

export const recordWords: Readonly<Record<string, string>> = {
  household: 'the household record',
  carer: 'the carer’s record',
  child: 'the child’s record',
  referral: 'the referral',
  placement: 'the placement',
  supervision: 'the supervision record',
  'supervision-agreement': 'the supervision agreement',
  plan: 'the business plan',
  'plan-action': 'the plan action',
  user: 'the user account',
  'agency-decision': 'the agency decision',
  'annual-review': 'the annual review',
  'audit-month': 'the month’s case-file audits',
  'case-audit': 'the case-file audit',
  concern: 'the allegation, complaint or concern',
  'development-plan': 'the personal development plan',
  'independence-checklist': 'the independence checklist',
  'panel-item': 'the panel agenda item',
  'panel-meeting': 'the panel meeting',
  'panel-member': 'the panel member’s record',
  'panel-paper': 'the panel paper',
  'participation-event': 'the participation event',
  'payment-enhancement': 'the disability enhancement',
  'payment-rates': 'the published rates',
  'quarterly-report': 'the quarterly report',
  'review-link': 'the annual review’s feedback link',
  'role-mapping': 'the sign-in group’s role',
  scorecard: 'the scorecard',
  setting: 'the setting',
  'significant-event': 'the notification of a significant event',
  'staff-member': 'the staff member’s supervision folder',
  'training-booking': 'the training booking',
  'training-course': 'the training course',
  'training-session': 'the training session',
};

export const partWords: Readonly<Record<string, string>> = {
  carers: 'the carers',
  checks: 'the checks',
  members: 'the household members',
  photo: 'the photo',
  profile: 'the carer profile',
  'restricted-access': 'who may see this restricted record',
  terms: 'the approval terms',
  status: 'the status',
  agenda: 'the agenda',
  attendance: 'who attended',
  letters: 'the letters',
  'minutes-signed': 'the signed minutes',
  'papers-published': 'the published papers',
  'quality-assurance': 'the quality check',
  recommendation: 'the recommendation',
  'recruitment-enquiry': 'the enquiry',
  'recruitment-event': 'the recruitment event',
  'recruitment-answered': 'the answer to the enquiry',
  'recruitment-initial-visit': 'the initial visit',
  'recruitment-application': 'the application',
  'recruitment-withdraw': 'the withdrawal',
  'recruitment-assessment': 'the assessment',
  'recruitment-check': 'the assessment checks',
  'recruitment-mentor': 'the mentor',
  'recruitment-training': 'the pre-approval training',
  'recruitment-complete': 'the completed assessment',
  'recruitment-exemption': 'the exemption',
  'recruitment-post-approval-interview': 'the post-approval interview',
  'recruitment-leaving': 'the carers’ leaving',
};

export const actionWords: Readonly<Record<string, string>> = {
  view: 'viewed',
  create: 'created',
  update: 'changed',
  accept: 'accepted',
  acknowledge: 'confirmed receipt of',
  allocate: 'changed the allocation of',
  book: 'booked',
  cancel: 'cancelled',
  'change-password': 'changed the password of',
  'change-setting': 'changed',
  comment: 'commented on',
  complete: 'completed',
  deactivate: 'deactivated',
  delete: 'removed',
  export: 'downloaded',
  'give-role': 'gave a role through sign-in on',
  'link-council-account': 'linked a council sign-in account to',
  'unlink-council-account': 'unlinked the council sign-in account from',
  reactivate: 'reactivated',
  'reset-password': 'reset the password of',
  'reset-second-factor': 'reset the second sign-in step of',
  'set-up-second-factor': 'set up the second sign-in step of',
  end: 'ended',
  'end-agency-placement': 'ended the agency placement of',
  finalise: 'finalised',
  match: 'recorded a match for',
  place: 'recorded a placement for',
  'place-with-agency': 'recorded an agency placement for',
  resubmit: 'sent again',
  return: 'returned',
  'sign-in': 'signed in to',
  'sign-out': 'signed out of',
  'status-change': 'changed the status of',
  withdraw: 'withdrew',
};

/** "Viewed the household record", "Changed the approval terms on the household record". */
export function auditWords(action: string, recordType: string, detail: Record<string, unknown> | null): string {
  const record = recordWords[recordType] ?? 'the record';
  const verb = actionWords[action] ?? action.replace(/-/g, ' ');
  const part = typeof detail?.part === 'string' ? partWords[detail.part] : undefined;
  const words = part ? `${verb} ${part} on ${record}` : `${verb} ${record}`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
