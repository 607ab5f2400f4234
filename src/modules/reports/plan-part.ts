import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { targetHeading, ragNames, type PlanRag, byActionNumber } from '../plan/labels.ts';

export interface ReportAction {
  number: string;
  whatWeWant: string;
  owner: string;
  completed: boolean;
  byWhen: IsoDate | null;
  byWhenText: string;
  latest: { onDate: IsoDate; rag: PlanRag; ragName: string; narrative: string; by: string } | null;
}
export interface ReportTarget {
  heading: string;
  actions: ReportAction[];
}
export interface PlanPart {
  planTitle: string | null;
  targets: ReportTarget[];
  /** Actions whose latest update at the quarter's end was red or amber: what went off target and why. */
  offTarget: (ReportAction & { target: string })[];
  /** Open actions due by the end of the next quarter: what the service will do next. */
  next: (ReportAction & { target: string })[];
}

interface Row {
  plan_title: string;
  target_number: number;
  target_title: string;
  standards: string;
  action_number: string | null;
  what_we_want: string | null;
  who: string | null;
  owner_name: string | null;
  status: string | null;
  by_when: string | null;
  by_when_text: string | null;
  on_date: string | null;
  rag: string | null;
  narrative: string | null;
  by_name: string | null;
}

/**
 * The business plan as at a quarter's end: the active (or archived) plan covering the quarter, each
 * target with its actions and each action's latest update dated by the quarter's end, in one query.
 */
export async function planPart(db: DbOrTx, from: IsoDate, to: IsoDate, nextEnd: IsoDate): Promise<PlanPart> {
  const rows = await queryRows<Row>(
    db,
    sql`with chosen as (
        select id, title from plans
        where status <> 'draft' and period_start <= ${to}::date and period_end >= ${from}::date
        order by period_start desc, created_at desc limit 1
      )
      select c.title as plan_title, t.number as target_number, t.title as target_title, t.standards,
        a.number as action_number, a.what_we_want, a.who, owner.display_name as owner_name, a.status,
        a.by_when::text as by_when, a.by_when_text, u.on_date::text as on_date, u.rag, u.narrative, author.display_name as by_name
      from chosen c
      join plan_targets t on t.plan_id = c.id
      left join plan_actions a on a.target_id = t.id
      left join users owner on owner.id = a.owner_user_id
      left join lateral (
        select * from plan_updates pu where pu.action_id = a.id and pu.on_date <= ${to}::date
        order by pu.on_date desc, pu.created_at desc limit 1
      ) u on true
      left join users author on author.id = u.by_user_id
      order by t.number`,
  );
  const targets = new Map<number, ReportTarget>();
  for (const r of rows) {
    const heading = targetHeading({ number: r.target_number, title: r.target_title, standards: r.standards });
    const target = targets.get(r.target_number) ?? { heading, actions: [] };
    targets.set(r.target_number, target);
    if (r.action_number === null) continue;
    const rag = r.rag as PlanRag | null;
    target.actions.push({
      number: r.action_number,
      whatWeWant: r.what_we_want ?? '',
      owner: r.owner_name ?? r.who ?? '',
      completed: r.status === 'completed',
      byWhen: r.by_when,
      byWhenText: r.by_when_text ?? '',
      latest:
        rag && r.on_date
          ? { onDate: r.on_date, rag, ragName: ragNames[rag] ?? rag, narrative: r.narrative ?? '', by: r.by_name ?? '' }
          : null,
    });
  }
  const list = [...targets.values()];
  for (const t of list) t.actions.sort(byActionNumber);
  const all = list.flatMap((t) => t.actions.map((a) => ({ ...a, target: t.heading })));
  return {
    planTitle: rows[0]?.plan_title ?? null,
    targets: list,
    offTarget: all.filter((a) => !a.completed && (a.latest?.rag === 'red' || a.latest?.rag === 'amber')),
    next: all.filter((a) => !a.completed && a.byWhen !== null && a.byWhen > to && a.byWhen <= nextEnd),
  };
}
