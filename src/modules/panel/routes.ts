import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { decisionCorrectionRoutes } from './routes-decision-corrections.ts';
import { decisionWithdrawRoutes } from './decision-withdraw.ts';
import { decisionRoutes } from './routes-decisions.ts';
import { evidenceRoutes } from './routes-evidence.ts';
import { meetingRoutes } from './routes-meetings.ts';
import { memberRoutes } from './routes-members.ts';
import { minutesWithdrawRoutes } from './minutes-withdraw.ts';
import { paperRoutes } from './routes-papers.ts';
import { recommendationRoutes } from './routes-recommendation.ts';

/** The fostering panel: calendar, members, meetings, papers, recommendations and decisions. */
export const panelRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  meetingRoutes(app, db);
  memberRoutes(app, db);
  recommendationRoutes(app, db);
  decisionRoutes(app, db);
  decisionCorrectionRoutes(app, db);
  decisionWithdrawRoutes(app, db);
  minutesWithdrawRoutes(app, db);
  evidenceRoutes(app, db);
  await paperRoutes(app, db);
};
