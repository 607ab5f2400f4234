import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { eventCorrectionRoutes } from './routes-corrections.ts';
import { listRoutes } from './routes-lists.ts';
import { matterCorrectionRoutes } from './routes-matter-corrections.ts';
import { matterRoutes } from './routes-matter.ts';
import { notificationRoutes } from './routes-notifications.ts';
import { recordRoutes } from './routes-record.ts';
import { stepRoutes } from './routes-steps.ts';

/** Allegations, concerns, complaints and compliments; notifications of significant events; the LADO's home. */
export const concernsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  listRoutes(app, db);
  recordRoutes(app, db);
  matterRoutes(app, db);
  stepRoutes(app, db);
  notificationRoutes(app, db);
  eventCorrectionRoutes(app, db);
  matterCorrectionRoutes(app, db);
};
