import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { auditRoutes } from './routes-audit.ts';
import { correctionRoutes } from './routes-corrections.ts';
import { householdRoutes } from './routes-household.ts';
import { monthRoutes } from './routes-month.ts';

/** Case-file audits: the month's samples, the audit form and record, putting right, a grading put right, the head's summary, a household's audits. */
export const auditsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  monthRoutes(app, db);
  auditRoutes(app, db);
  correctionRoutes(app, db);
  householdRoutes(app, db);
};
