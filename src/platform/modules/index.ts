/**
 * What a module of the service declares in its entry (`src/modules/<area>/index.ts`), and the one
 * place that hands those declarations to the engines: the access registry (record types), the
 * deadline engine (rules and scopes), the scorecard engine (measures and kept facts), the views
 * (navigation, links and sections on other modules' pages), the fostering panel (the business each
 * module brings to it), the annual review (what each module's records add to a household's year),
 * what modules do when a carer leaves a household or its approval ends, and the two things one module does for
 * others: raising a concern another module finds, and recording and moving a household. The engines stay generic; the list of modules lives in
 * `src/modules/index.ts`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Permission } from '../access/policy.ts';
import { registerRecordType, type RecordType } from '../access/registry.ts';
import {
  registerDueRule,
  registerDueScope,
  type DueRule,
  type DueScopeColumn,
  type DueScopeCondition,
} from '../due/rule.ts';
import { registerMeasure, type Measure } from '../measures/index.ts';
import { registerKeptFacts, type KeptFacts } from '../measures/facts.ts';
import { registerNavItem, type NavItem } from '../views/navigation.ts';
import { registerRecordLink, type RecordLink } from '../views/record-links.ts';
import { registerPageSection, type PageSection } from '../views/page-sections.ts';
import { registerHouseholdChangeHandler, type HouseholdChangeHandler } from './household-changes.ts';
import { registerConcernRaiser, type ConcernRaiser } from './concerns-raised.ts';
import { registerHouseholdLifecycle, type HouseholdLifecycle } from './household-lifecycle.ts';
import { registerHouseholdYearSource, type HouseholdYearSource } from './household-year.ts';
import { registerPanelBusiness, type PanelBusiness } from './panel-business.ts';

/** What every module's routes are given. */
export interface ModuleContext {
  db: Db;
  config: Config;
  mailer: Mailer;
}

export interface HearthModule {
  /** The folder's name: 'households', 'supervision' ... */
  name: string;
  routes?: FastifyPluginAsync<ModuleContext>;
  navigation?: NavItem[];
  recordTypes?: RecordType[];
  /** Who sees deadlines scoped by a household, a child or a member of staff (the module that owns that record says). */
  dueScopes?: Partial<Record<DueScopeColumn, DueScopeCondition>>;
  dueRules?: DueRule[];
  measures?: Measure[];
  /** Tables of facts derived from the module's records, kept in step on write. */
  keptFacts?: KeptFacts[];
  /** Links this module adds to other modules' record pages (the household page's "Supervision and agreement"). */
  recordLinks?: RecordLink[];
  /** Sections this module adds to other modules' pages (the carer's supervision notes on the portal home). */
  pageSections?: PageSection[];
  /** What it brings to the fostering panel: households due for a kind of item, and what a recommendation or a decision changes in its records. */
  panelBusiness?: PanelBusiness[];
  /** What of its records belongs in a household's year, gathered by the annual review (training's courses and events). */
  householdYear?: HouseholdYearSource[];
  /** How a concern another module's work finds about a household is raised (the module that keeps concerns). */
  raisesConcerns?: ConcernRaiser;
  /** How a household is recorded from an enquiry and moved between statuses by other modules (the module that keeps households). */
  householdLifecycle?: HouseholdLifecycle;
  /**
   * What the module does when a household changes: a carer leaves it (training gives up their places
   * still to come), or its approval ends (extra support ends its hub family and the support it had).
   */
  whenHouseholdChanges?: HouseholdChangeHandler;
}

export type { RecordLink, PageSection, Permission, PanelBusiness };

const registered = new Set<string>();

/**
 * Hands every module's declarations to the engines, once per module (calling it again is harmless,
 * so the app, the commands and the tests can each make sure the engines know every module).
 */
export function registerModules(modules: readonly HearthModule[]): void {
  for (const module of modules) {
    if (registered.has(module.name)) continue;
    registered.add(module.name);
    for (const item of module.navigation ?? []) registerNavItem(item);
    for (const type of module.recordTypes ?? []) registerRecordType(type);
    for (const [column, condition] of Object.entries(module.dueScopes ?? {})) {
      registerDueScope(column as DueScopeColumn, condition);
    }
    for (const rule of module.dueRules ?? []) registerDueRule(rule);
    for (const measure of module.measures ?? []) registerMeasure(measure);
    for (const facts of module.keptFacts ?? []) registerKeptFacts(facts);
    for (const link of module.recordLinks ?? []) registerRecordLink(link);
    for (const section of module.pageSections ?? []) registerPageSection(section);
    for (const item of module.panelBusiness ?? []) registerPanelBusiness(item);
    for (const source of module.householdYear ?? []) registerHouseholdYearSource(source);
    if (module.raisesConcerns) registerConcernRaiser(module.raisesConcerns);
    if (module.householdLifecycle) registerHouseholdLifecycle(module.householdLifecycle);
    if (module.whenHouseholdChanges) registerHouseholdChangeHandler(module.whenHouseholdChanges);
  }
}
