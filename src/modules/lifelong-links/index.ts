/**
 * Lifelong Links (business plan action 7.4; Family Rights Group's model, run with Family Group
 * Conferencing): a child's work to find the relatives and other adults who matter to them, bring
 * them together at a family network meeting and agree a plan for their lasting relationships;
 * its steps, each dated and signed; a section on the child's page; the list of the children in the
 * pilot with this year's count against the plan's target; the measures of children joining and of
 * work ending with a plan. No statutory timescale applies, so it has no deadline.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { lifelongLinksMeasures } from './measures.ts';
import { lifelongLinksPath } from './paths.ts';
import { workRecordTypes } from './records.ts';
import { lifelongLinksRoutes } from './routes.ts';
import { childWorkSection } from './sections.ts';

export const lifelongLinks: HearthModule = {
  name: 'lifelong-links',
  routes: lifelongLinksRoutes,
  navigation: [
    {
      text: 'Lifelong Links',
      href: lifelongLinksPath(),
      group: 'Children',
      describes: 'children in the Lifelong Links pilot and this year’s count against the plan’s target',
      permission: 'lifelong-links.view',
      order: 20.5,
    },
  ],
  recordTypes: workRecordTypes,
  measures: lifelongLinksMeasures,
  pageSections: [
    {
      on: 'child',
      order: 22,
      permission: 'lifelong-links.section',
      load: childWorkSection,
      template: 'lifelong-links-child.njk',
    },
  ],
};
