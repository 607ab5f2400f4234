import type { SignedInUser } from '../auth/sessions.ts';
import { can, type Permission } from '../access/policy.ts';
import type { Actor } from '../audit/service.ts';
import type { IsoDate } from '../dates/index.ts';
import type { Db } from '../db/client.ts';

/**
 * The pages that show sections other modules bring, and what each page tells its sections of the
 * record it shows. The carer's supervision notes on the portal home come from the supervision
 * module, the children placed with a household from the placements module: the host page names
 * no module, and the module that owns the records reads them, checks access and audits the view.
 */
export interface SectionPages {
  /** The carer's home in the portal (/portal). */
  'portal-home': null;
  /** A member of staff's home (/my-work), after the search box. */
  'my-work': null;
  /**
   * The household's page, after the approval terms; `placed` counts every child placed there now,
   * seen or not; `status` and `householdType` as the page read them, so no section reads them again.
   */
  household: { id: string; placed: number; status: string; householdType: string };
  /**
   * The child's page, with what decides who may change the child's placements. Its sections are
   * drawn twice, with `place` set: 'current-placement' under "Current placement" when the child
   * is not placed with the service's own carers (the page says "Not placed with a fostering
   * household" when no section draws anything there), and 'placements' after the past placements.
   */
  child: { id: string; areaId: string; allocatedSocialWorkerId: string | null };
  /**
   * A review of a household's approval (/reviews/:id), after the checks renewed: what other modules'
   * records say of the household now, beside the review's report of its year.
   */
  'annual-review': { id: string; householdId: string };
}
export type SectionPage = keyof SectionPages;

/** What a section's load is given: the viewer, the record the page shows (null on the homes), today. */
export interface PageSectionContext<P extends SectionPage = SectionPage> {
  db: Db;
  user: SignedInUser;
  /** Who the audit trail names for the views the section records. */
  actor: Actor;
  record: SectionPages[P];
  today: IsoDate;
}

/** A section one module adds to a page of another, for one page. */
export interface PageSectionOn<P extends SectionPage> {
  /** The page it appears on. */
  on: P;
  /** Lower comes first. */
  order: number;
  /** Who may see it; without one, everyone who may see the page (the load can still refuse). */
  permission?: Permission;
  /**
   * What it shows this viewer, read within their access, with the audit entries for what they
   * see; null when there is nothing to show (the section is left out).
   */
  load: (context: PageSectionContext<P>) => Promise<object | null>;
  /** The contributing module's template (`<module>-<page>.njk`), given the loaded data as `section.data`. */
  template: string;
}

/** A section for any one of the pages. */
export type PageSection = { [P in SectionPage]: PageSectionOn<P> }[SectionPage];

/** A section as its page draws it: `{% for section in sections %}{% include section.template %}{% endfor %}`. */
export interface ShownSection {
  template: string;
  data: object;
}

const sections: PageSection[] = [];

export function registerPageSection(section: PageSection): void {
  if (sections.some((s) => s.on === section.on && s.template === section.template)) return;
  sections.push(section);
  sections.sort((a, b) => a.order - b.order);
}

/**
 * The sections of a page this viewer may see, loaded one after another in order: PGlite queues
 * parallel queries anyway, and the audit entries keep the order of the page. A page runs this
 * beside its own queries (Promise.all) where it reads in parallel.
 */
export async function loadPageSections<P extends SectionPage>(
  on: P,
  context: PageSectionContext<P>,
): Promise<ShownSection[]> {
  const shown: ShownSection[] = [];
  for (const section of sections) {
    if (section.on !== on) continue;
    if (section.permission && !can(context.user.role, section.permission)) continue;
    // The section is on page P (checked above), so its load takes P's context.
    const load = section.load as unknown as PageSectionOn<P>['load'];
    const data = await load(context);
    if (data !== null) shown.push({ template: section.template, data });
  }
  return shown;
}
