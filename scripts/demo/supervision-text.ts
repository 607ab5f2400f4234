/**
 * The made-up words of the demo's supervision records: short, generic sentences on the service's
 * Signs of Safety template, picked at random so no record describes anyone real.
 */

export const attendeesBoth = [
  'Both carers and the supervising social worker',
  'Both carers',
  'Both carers; the children joined at the end',
  'Main carer; second carer joined by phone',
  'Both carers; the children were at school',
] as const;

export const attendeesOne = [
  'The carer and the supervising social worker',
  'The carer',
  'The carer; the children joined at the end',
  'The carer; the children were at school',
] as const;

export const workingWell = [
  'Bedtime routines are settled and the children sleep well.',
  'School attendance is good and the carers keep in touch with the school.',
  'Contact with family is going well and the carers support it.',
  'The children are joining in family meals and outings.',
  'The carers record daily logs promptly and in good detail.',
  'The carers have completed their core training this year.',
  'The young person is taking more responsibility for cooking and budgeting.',
  'The carers work well with the child’s social worker.',
  'Health appointments are up to date.',
  'The household has settled into a calm weekly routine.',
] as const;

export const worries = [
  'Contact arrangements change at short notice, which unsettles the children.',
  'School attendance has dipped this half term.',
  'The carers are tired and have not used respite this year.',
  'The young person has come home late twice this month.',
  'Screen time at night is affecting sleep.',
  'The carers are waiting for a referral to CAMHS to be accepted.',
  'No worries raised at this visit.',
  'The bedroom needs a new bed before the next placement.',
  'The carers find the delegated authority arrangements unclear.',
  'Training hours are behind the target for the year.',
] as const;

export const needsToHappen = [
  'Agree a contact timetable with the child’s social worker.',
  'Meet the school about attendance and agree a plan.',
  'Book a respite weekend before the school holidays.',
  'Agree house rules about coming home times with the young person.',
  'Chase the CAMHS referral and update the carers.',
  'Book the carers onto the next training courses.',
  'Carry on as now; review at the next supervision.',
  'Review the delegated authority form with the carers.',
] as const;

export const scalingQuestions = [
  'How settled is the placement, from 0 to 10?',
  'How confident are the carers in meeting the children’s needs, from 0 to 10?',
  'How well supported do the carers feel, from 0 to 10?',
  'How safe do we think the children are in this home, from 0 to 10?',
] as const;

export const actions = [
  'Send the carers the updated contact timetable',
  'Arrange a meeting with the school',
  'Book respite for the next school holiday',
  'Chase the CAMHS referral',
  'Book the carers onto safeguarding refresher training',
  'Update the safer care plan',
  'Send the delegated authority form to the carers',
  'Arrange a new bed for the second bedroom',
  'Record the daily logs on time each week',
  'Ask the child’s social worker for the health assessment',
  'Complete the carers’ training log',
  'Invite the carers to the next support group',
] as const;

export const actionOwners = [
  'Supervising social worker',
  'Foster carers',
  'Main carer',
  'Child’s social worker',
  'Supervising social worker and carers',
] as const;
