import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { photoUpload } from './photo.ts';
import { changeNoticeRoutes } from './routes-change-notices.ts';
import { portalAccountRoutes } from './routes-portal-accounts.ts';
import { listRoutes } from './routes-list.ts';
import { householdRoutes } from './routes-household.ts';
import { peopleRoutes } from './routes-people.ts';
import { profileRoutes } from './routes-profile.ts';
import { restrictedAccessRoutes } from './routes-restricted.ts';
import { statusCorrectionRoutes } from './routes-status-corrections.ts';

/** Households and carers: the list, each household's record and the carer profile for children. */
export const householdsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  // Photo uploads only: registered here, so multipart bodies are accepted by this module's routes alone.
  await photoUpload.accept(app);
  listRoutes(app, db);
  householdRoutes(app, db);
  peopleRoutes(app, db);
  profileRoutes(app, db);
  restrictedAccessRoutes(app, db);
  statusCorrectionRoutes(app, db);
  changeNoticeRoutes(app, db);
  portalAccountRoutes(app, db);
};
