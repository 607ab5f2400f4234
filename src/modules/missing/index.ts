/**
 * Children missing from care (the 2016 plan, Target 2: the Child Missing from Care report as the
 * indicator of whether fewer children go missing; NMS 5; statutory guidance on children who run
 * away or go missing from home or care, 2014): each time a child goes missing from a foster
 * placement with the service's carers, whether the police were told, the return, and the
 * independent return interview offered within 72 hours (its deadline); a section on the child's
 * page; the list of children missing now and interviews to offer; the measures of children going
 * missing and of interviews offered in time.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { missingDueRules } from './due.ts';
import { missingMeasures } from './measures.ts';
import { missingListPath } from './paths.ts';
import { episodeRecordTypes } from './records.ts';
import { missingRoutes } from './routes.ts';
import { childEpisodesSection } from './sections.ts';

export const missing: HearthModule = {
  name: 'missing',
  routes: missingRoutes,
  navigation: [
    {
      text: 'Children missing from care',
      href: missingListPath(),
      group: 'Children',
      describes: 'children missing from their foster placement now, and return interviews to offer',
      permission: 'missing.view',
      order: 20.7,
    },
  ],
  recordTypes: episodeRecordTypes,
  dueRules: missingDueRules,
  measures: missingMeasures,
  pageSections: [
    {
      on: 'child',
      order: 23,
      permission: 'missing.view',
      load: childEpisodesSection,
      template: 'missing-child.njk',
    },
  ],
};
