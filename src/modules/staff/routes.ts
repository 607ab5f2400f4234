import type { FastifyPluginAsync } from 'fastify';
import type { ModuleContext } from '../../platform/modules/index.ts';
import { correctionRoutes } from './routes-corrections.ts';
import { folderAuditRoutes } from './routes-folder-audits.ts';
import { folderRoutes } from './routes-folder.ts';
import { folderFormRoutes } from './routes-forms.ts';
import { sessionRoutes } from './routes-session.ts';

/** Staff supervision: folders, forms, sessions and signing, corrections, the team list and "My supervision". */
export const staffRoutes: FastifyPluginAsync<ModuleContext> = async (app, { db }) => {
  folderAuditRoutes(app, db);
  folderRoutes(app, db);
  folderFormRoutes(app, db);
  sessionRoutes(app, db);
  correctionRoutes(app, db);
};
