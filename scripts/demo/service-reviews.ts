/**
 * Six-monthly reviews in the demo: for the last three half-years that have ended, every kind's
 * review (each area's summary of children's feedback, and the three service-wide ones), written
 * by whoever writes it (the area's service manager, or the head while an area has none; the head
 * or the LADO; the recruitment coordinator; the head), most marked complete within the month after
 * the half-year, one or two late. Of the latest half-year, once its reviews are due, one is left
 * not started and one only saved; before then, about half are done. Each completed review keeps
 * the figures counted from the demo's own records. Short texts of themes, no names. A random
 * stream of its own, so the rest of the demo stays the same. Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, addMonths, compareIsoDates, type IsoDate } from '../../src/platform/dates/index.ts';
import { countFigures } from '../../src/modules/service-reviews/figures.ts';
import { reviewKinds, type KindKey } from '../../src/modules/service-reviews/kinds.ts';
import { halfYearEnd, latestEnded, reviewDueOn, slotId } from '../../src/modules/service-reviews/periods.ts';
import { serviceReviews } from '../../src/modules/service-reviews/tables.ts';
import type { Random } from './random.ts';

/** Share of reviews marked complete after their due date. */
const LATE_SHARE = 0.06;
const HALF_YEARS = 3;

const texts: Record<KindKey, { heard: string[]; learnt: string[]; willDo: string[] }> = {
  'childrens-feedback': {
    heard: [
      'Children want to be told sooner when plans for family time change.',
      'Most children said they feel safe and listened to at home; a few older children want more say over pocket money and phones.',
      'Younger children liked the picture form; teenagers prefer to give their views by the link, in their own time.',
      'Children in short-term placements asked to know more about what happens next.',
    ],
    learnt: [
      'Views are fuller when the child’s social worker asks for them before the review rather than on the day.',
      'Fewer views come back from children over 13 who are not asked by the link.',
      'Complaints from children were mostly about contact arrangements, not about their carers.',
      'Children are not always told the outcome of a concern they raised.',
    ],
    willDo: [
      'Supervising social workers to send the child’s link at least three weeks before every review.',
      'Remind children’s social workers to record when a child is told an outcome.',
      'Share the themes with carers at the next support groups.',
      'Ask the children in care council to look at the 13 and over form.',
    ],
  },
  'allegations-complaints': {
    heard: [
      'Most allegations were about physical chastisement or restraint; several were unfounded.',
      'Complaints were mainly about communication and delay in payments.',
      'Carers facing an allegation valued the independent support but found waiting for the outcome hard.',
    ],
    learnt: [
      'Referrals to the LADO are made within a working day; the slowest part is concluding within 3 months.',
      'Repeat complaints about communication come from a small number of households with changes of worker.',
      'Children were not always told the outcome in person.',
    ],
    willDo: [
      'Refresher training for carers on safe care and de-escalation.',
      'Team managers to agree a date for the outcome at the first strategy meeting.',
      'Workers to tell carers promptly when their supervising social worker changes.',
    ],
  },
  'carer-retention': {
    heard: [
      'Households leaving cited family circumstances and retirement most often; a few moved to agencies.',
      'Carers who left said support from their social worker was good but changed too often.',
      'Several carers mentioned allowances and fees compared with agencies.',
    ],
    learnt: [
      'Exit interviews are held with most carers who resign; few are held after a panel’s decision.',
      'Carers leaving in their first two years often had no mentor.',
      'Fees were a factor for experienced carers of teenagers.',
    ],
    willDo: [
      'Offer every carer who gives notice an exit interview within a month.',
      'Make sure every newly approved household has a mentor.',
      'Share the fee comparison with the head of fostering for the payments review.',
    ],
  },
  'agency-payments': {
    heard: [
      'Local agencies pay a higher weekly fee for teenagers and sibling groups.',
      'Agency allowances are close to ours; their fees are higher at the first level.',
      'Carers transferring from agencies asked about the difference in fees.',
    ],
    learnt: [
      'Our allowances remain above the national minimum in every age band.',
      'The gap in fees is widest for skilled carers of older children.',
      'Our support package (training, out-of-hours, mentoring) is valued by carers who transferred.',
    ],
    willDo: [
      'Propose an uplift to the level 2 and 3 fees for the next financial year.',
      'Work with commissioning on the agency framework for children with complex needs.',
      'Publish the support package alongside the rates.',
    ],
  },
};

const sharedWith: Record<KindKey, string[]> = {
  'childrens-feedback': [
    'Team managers’ meeting',
    'Fostering management team',
    'Corporate parenting management meeting',
  ],
  'allegations-complaints': ['Support team managers, with the LADO', 'Team managers’ meeting'],
  'carer-retention': ['Fostering management team', 'Recruitment and retention group'],
  'agency-payments': ['Fostering management team', 'Commissioning'],
};

interface Writers {
  head: string;
  lado: string | null;
  coordinator: string | null;
  managers: Map<string, string>;
}

async function writersOf(tx: DbOrTx): Promise<Writers | null> {
  const rows = await queryRows<{ id: string; role: string; area_id: string | null }>(
    tx,
    sql`select id, role, area_id from users
      where active and role in ('head_of_fostering', 'lado', 'recruitment_coordinator', 'service_manager')
      order by display_name, id`,
  );
  const first = (role: string) => rows.find((r) => r.role === role)?.id ?? null;
  const head = first('head_of_fostering');
  if (!head) return null;
  const managers = new Map<string, string>();
  for (const r of rows)
    if (r.role === 'service_manager' && r.area_id && !managers.has(r.area_id)) managers.set(r.area_id, r.id);
  return { head, lado: first('lado'), coordinator: first('recruitment_coordinator'), managers };
}

function writerOf(w: Writers, kind: KindKey, areaId: string | null, random: Random): string {
  if (kind === 'childrens-feedback') return (areaId && w.managers.get(areaId)) ?? w.head;
  if (kind === 'allegations-complaints') return w.lado && random.chance(0.5) ? w.lado : w.head;
  if (kind === 'carer-retention') return w.coordinator ?? w.head;
  return w.head;
}

/** Writes the demo's six-monthly reviews, dated back from `today`; returns how many were written. */
export async function writeDemoServiceReviews(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const writers = await writersOf(tx);
  if (!writers) return 0;
  const areas = await queryRows<{ id: string }>(tx, sql`select id from areas order by name`);
  const latest = latestEnded(today);
  let written = 0;
  for (let back = HALF_YEARS - 1; back >= 0; back -= 1) {
    const start = addMonths(latest, -6 * back);
    const end = halfYearEnd(start);
    const due = reviewDueOn(start);
    const dueYet = compareIsoDates(due, today) < 0;
    const places = reviewKinds.flatMap((kind) =>
      (kind.perArea ? areas.map((a) => a.id) : [null]).map((areaId) => ({ kind: kind.key, areaId })),
    );
    // Of the latest half-year, once due: one left not started, one only saved.
    const notStarted = back === 0 && dueYet ? random.int(0, places.length - 1) : -1;
    const onlySaved = back === 0 && dueYet ? (notStarted + 1 + random.int(0, places.length - 2)) % places.length : -1;
    // Of the half-year before it, one completed late for certain (and now and then another).
    const surelyLate = back === 1 ? random.int(0, places.length - 1) : -1;
    for (const [n, { kind, areaId }] of places.entries()) {
      if (n === notStarted) continue;
      const words = texts[kind];
      const by = writerOf(writers, kind, areaId, random);
      const late = dueYet && (n === surelyLate || random.chance(LATE_SHARE));
      const last = compareIsoDates(due, today) < 0 ? due : today;
      const completedOn = late ? addDays(due, random.int(3, 25)) : addDays(end, random.int(5, 31));
      const complete =
        n !== onlySaved && compareIsoDates(completedOn, today) <= 0 && (dueYet || back > 0 || random.chance(0.5));
      const on = complete ? completedOn : last;
      const shared = complete && random.chance(0.7) ? addDays(on, random.int(1, 20)) : null;
      await tx.insert(serviceReviews).values({
        id: slotId(kind, start, areaId),
        kind,
        areaId,
        periodStart: start,
        heard: random.pick(words.heard),
        learnt: complete ? random.pick(words.learnt) : null,
        willDo: complete ? random.pick(words.willDo) : null,
        sharedWith: shared && compareIsoDates(shared, today) <= 0 ? random.pick(sharedWith[kind]) : null,
        sharedOn: shared && compareIsoDates(shared, today) <= 0 ? shared : null,
        updatedBy: by,
        updatedAt: new Date(`${on}T10:00:00Z`),
        createdAt: new Date(`${addDays(end, 2)}T10:00:00Z`),
        ...(complete
          ? {
              figures: await countFigures(tx, kind, start, areaId),
              completedOn,
              completedAt: new Date(`${completedOn}T${10 + random.int(0, 6)}:00:00Z`),
              completedBy: by,
            }
          : {}),
      });
      written += 1;
    }
  }
  return written;
}
