/**
 * What the payments module shows on the carer's portal home (declared as `pageSections` in its
 * entry): for each child placed with the carer's own household now, what they are paid a week
 * under the rates in force today: the allowance for the child's age band, the fee for the
 * household's skill level and any disability enhancement. Read straight from the placements,
 * children and households tables for the carer's own household; the view is audited.
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { ageOn, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { ageBandOf, feeLevels, needLevelName } from './labels.ts';
import { formatPence } from '../../platform/views/money.ts';
import { ratesOn, type RateSet } from './queries.ts';
import { placementRunningOn } from '../placements/scope.ts';

interface PlacedRow {
  placementId: string;
  name: string;
  dateOfBirth: IsoDate;
  stayingPut: boolean;
  skillLevel: number;
  enhancement: number | null;
  levelOfNeed: string | null;
}

/** A child's weekly lines and total under these rates (Staying Put is arranged separately). */
export function weeklyPay(child: PlacedRow, rates: RateSet, today: IsoDate) {
  const age = ageOn(child.dateOfBirth, today);
  const band = ageBandOf(age);
  const level = feeLevels.find((l) => l.level === child.skillLevel) ?? feeLevels[0];
  const lines = [
    { text: `Allowance for a child ${band.name.toLowerCase()} (${child.name} is ${age})`, pence: rates[band.key] },
    { text: `Fee for your skill level, ${level.name}`, pence: rates[level.key] },
  ];
  if (child.enhancement !== null) {
    lines.push({
      text: `Disability enhancement (${needLevelName(child.levelOfNeed ?? '').toLowerCase()} level of need)`,
      pence: child.enhancement,
    });
  }
  const total = lines.reduce((sum, l) => sum + l.pence, 0);
  const row = (text: string, pence: number, classes = '') => ({
    key: { text, classes },
    value: { text: `${formatPence(pence)} a week`, classes },
  });
  return {
    rows: [...lines.map((l) => row(l.text, l.pence)), row('Total each week', total, 'govuk-!-font-weight-bold')],
    totalPence: total,
  };
}

/** The carer's own household's pay for each child placed now; null without a household. */
export async function carerPaymentsSection({ db, user, actor, today }: PageSectionContext<'portal-home'>) {
  if (!user.householdId) return null;
  const placed = await queryRows<PlacedRow>(
    db,
    sql`select p.id as "placementId", coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name as name,
        c.date_of_birth::text as "dateOfBirth", p.placement_type = 'staying_put' as "stayingPut",
        h.skill_level as "skillLevel", e.weekly_amount as enhancement, e.level_of_need as "levelOfNeed"
      from placements p join children c on c.id = p.child_id join households h on h.id = p.household_id
      left join payment_enhancements e on e.placement_id = p.id and e.ended_on is null
      where p.household_id = ${user.householdId} and ${placementRunningOn('p', today)}
      order by c.date_of_birth, c.last_name, p.id`,
  );
  const rates = await ratesOn(db, today);
  await recordAudit(db, actor, {
    action: 'view',
    recordType: 'household',
    recordId: user.householdId,
    detail: { page: 'portal', section: 'payments', children: placed.length },
  });
  return {
    ratesFrom: rates ? formatDate(rates.effectiveFrom) : null,
    children: placed.map((child) => ({
      name: child.name,
      stayingPut: child.stayingPut,
      pay: rates && !child.stayingPut ? weeklyPay(child, rates, today) : null,
    })),
  };
}
