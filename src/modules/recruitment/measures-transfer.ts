/**
 * Carers transferring from independent fostering agencies (business plan action 6.3): how many
 * were approved on transfer, and whether each was told of the council's fees and allowances when
 * they applied and met under the transfer protocol before approval.
 */
import { sql } from 'drizzle-orm';
import type { Measure } from '../../platform/measures/index.ts';
import { householdsWhere, NMS_13, overHouseholds, yearTo } from './measures.ts';

const ACTION_63 =
  'Action 6.3: carers transferring from independent fostering agencies move onto the council’s payment structure, made clear when they apply and recorded at protocol meetings';

const transfers = sql`join recruitment_transfers tr on tr.household_id = h.id
  left join recruitment_assessments a on a.household_id = h.id`;
const approvedInYear = (asAt: string) => householdsWhere(transfers, yearTo(sql`h.approved_on`, asAt));
const agencyDetail = sql`'From ' || tr.agency_name || ', approved ' || h.approved_on::text`;

export const agencyTransfers: Measure = {
  id: 'recruitment.agency-transfers',
  title: 'Carers approved on transfer from a fostering agency',
  definition:
    'The number of households approved in the 12 months up to the end of the month (today, for the current month) ' +
    'who came to us from an independent fostering agency, each listed with the agency. The plan sets no number, so ' +
    'the figure is counted to show, not rated.',
  standard: NMS_13,
  planTarget: ACTION_63,
  unit: 'count',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'Transferred',
  order: 210,
  ...overHouseholds(
    (period) => approvedInYear(period.asAt),
    () => sql`true`,
    agencyDetail,
    sql`h.approved_on::text`,
  ),
};

export const agencyTransfersByProtocol: Measure = {
  id: 'recruitment.agency-transfers-protocol',
  title: 'Transfers from agencies told of our fees at application and met under the protocol',
  definition:
    'Of the households approved in the 12 months up to the end of the month (today, for the current month) who came ' +
    'to us from an independent fostering agency, the percentage who were told they would be paid on the council’s ' +
    'fees and allowances on or before the day their application was received (the day of approval, when no ' +
    'application is recorded) and whose transfer protocol meeting was held on or before the day of approval.',
  standard: NMS_13,
  planTarget: ACTION_63,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Told at application and met',
  missedLabel: 'Told late or no protocol meeting',
  order: 211,
  ...overHouseholds(
    (period) => approvedInYear(period.asAt),
    () => sql`(tr.told_of_payments_on <= coalesce(a.applied_on, h.approved_on)
      and coalesce(tr.protocol_meeting_on <= h.approved_on, false))`,
    agencyDetail,
    sql`h.approved_on::text`,
  ),
};

export const transferMeasures: Measure[] = [agencyTransfers, agencyTransfersByProtocol];
