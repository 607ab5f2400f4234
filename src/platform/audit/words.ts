/**
 * What an audit entry says in words a person reads ("viewed the household record", "changed the
 * approval terms"), from its action, record type and the part of the record it names.
 */

const records: Record<string, string> = {
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
};

const parts: Record<string, string> = {
  carers: 'the carers',
  checks: 'the checks',
  members: 'the household members',
  photo: 'the photo',
  profile: 'the carer profile',
  'restricted-access': 'who may see this restricted record',
  terms: 'the approval terms',
  status: 'the status',
};

const actions: Record<string, string> = {
  view: 'viewed',
  create: 'created',
  update: 'changed',
  accept: 'accepted',
  acknowledge: 'confirmed receipt of',
  allocate: 'changed the allocation of',
  'change-password': 'changed the password of',
  deactivate: 'deactivated',
  reactivate: 'reactivated',
  'reset-password': 'reset the password of',
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

/** "Viewed the household record", "Changed the approval terms of the household record". */
export function auditWords(action: string, recordType: string, detail: Record<string, unknown> | null): string {
  const record = records[recordType] ?? 'the record';
  const verb = actions[action] ?? action.replace(/-/g, ' ');
  const part = typeof detail?.part === 'string' ? parts[detail.part] : undefined;
  const words = part ? `${verb} ${part} on ${record}` : `${verb} ${record}`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
