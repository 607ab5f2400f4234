import type { Role } from '../../src/platform/access/roles.ts';

/** The county's areas and fostering teams (made up). */
export const demoAreas = [
  { name: 'East Kent', teams: ['East Kent Fostering Team 1', 'East Kent Fostering Team 2'] },
  { name: 'West Kent', teams: ['West Kent Fostering Team 1', 'West Kent Fostering Team 2'] },
  { name: 'North Kent', teams: ['North Kent Fostering Team 1', 'North Kent Fostering Team 2'] },
] as const;

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  team?: string;
  area?: string;
}

/** One sign-in per role, all made-up people, sharing HEARTH_DEMO_PASSWORD. */
export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: 'Alex Admin', role: 'admin' },
  { username: 'head', displayName: 'Helen Hartley', role: 'head_of_fostering' },
  { username: 'director', displayName: 'David Drummond', role: 'assistant_director' },
  {
    username: 'manager',
    displayName: 'Maya Mensah',
    role: 'team_manager',
    team: 'East Kent Fostering Team 1',
    area: 'East Kent',
  },
  {
    username: 'ssw',
    displayName: 'Sam Sutherland',
    role: 'supervising_social_worker',
    team: 'East Kent Fostering Team 1',
    area: 'East Kent',
  },
  {
    username: 'ssw2',
    displayName: 'Priya Walsh',
    role: 'supervising_social_worker',
    team: 'West Kent Fostering Team 1',
    area: 'West Kent',
  },
  { username: 'cicsw', displayName: 'Chris Okafor', role: 'childrens_social_worker', area: 'East Kent' },
  { username: 'lado', displayName: 'Laura Adeyemi', role: 'lado' },
  { username: 'reviewer', displayName: 'Rob Fenwick', role: 'reviewing_officer' },
  { username: 'panel', displayName: 'Pat Nolan', role: 'panel_member' },
  { username: 'training', displayName: 'Tara Quinn', role: 'training_coordinator' },
  { username: 'recruitment', displayName: 'Ravi Patel', role: 'recruitment_coordinator' },
  {
    username: 'assessor',
    displayName: 'Amira Hussain',
    role: 'assessing_social_worker',
    team: 'East Kent Fostering Team 1',
    area: 'East Kent',
  },
  { username: 'payments', displayName: 'Paula Grant', role: 'payments_officer' },
  { username: 'carer', displayName: 'Jordan Ellis', role: 'foster_carer' },
  { username: 'servicemanager', displayName: 'Sunita Rao', role: 'service_manager', area: 'East Kent' },
];
