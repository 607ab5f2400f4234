/**
 * The service's areas, teams and staff: the 14 demo sign-ins plus, at county scale and above,
 * made-up supervising social workers, team managers and children's social workers.
 */
import type { Role } from '../../src/platform/access/roles.ts';
import { demoAreas, demoUsers } from './people.ts';
import { IdMaker, stream } from './random.ts';
import { mensNames, surnames, womensNames } from './names.ts';
import type { Scale, ScalePlan } from './scales.ts';

export interface AreaModel {
  id: string;
  name: string;
}
export interface TeamModel {
  id: string;
  name: string;
  areaIdx: number;
  /** Short code for usernames: ek1, wk2 ... */
  code: string;
}
export interface UserModel {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamIdx: number | null;
  areaIdx: number | null;
  householdId: string | null;
  /** For a foster carer's account: the carer whose account it is. */
  carerId?: string | null;
}

export interface StaffModel {
  areas: AreaModel[];
  teams: TeamModel[];
  users: UserModel[];
  byUsername: Map<string, UserModel>;
  /** The team manager of each team (null when the scale has none). */
  teamManagers: (string | null)[];
  /** Supervising social workers of each team (ids). */
  supervisors: string[][];
  /** Children's social workers of each area (ids). */
  childrensWorkers: string[][];
}

export function buildStaff(scale: Scale, plan: ScalePlan, ids: IdMaker): StaffModel {
  const random = stream(scale, 'staff');
  const areas: AreaModel[] = [];
  const teams: TeamModel[] = [];
  demoAreas.forEach((area, areaIdx) => {
    areas.push({ id: ids.next(), name: area.name });
    area.teams.forEach((name, n) => {
      const code = `${area.name.split(' ')[0]!.toLowerCase().slice(0, 1)}k${n + 1}`;
      teams.push({ id: ids.next(), name, areaIdx, code });
    });
  });
  const teamIdx = (name: string | undefined) => (name ? teams.findIndex((t) => t.name === name) : -1);
  const areaIdx = (name: string | undefined) => (name ? areas.findIndex((a) => a.name === name) : -1);

  const users: UserModel[] = demoUsers.map((u) => {
    const t = teamIdx(u.team);
    const a = areaIdx(u.area);
    return {
      id: ids.next(),
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      teamIdx: t >= 0 ? t : null,
      areaIdx: a >= 0 ? a : null,
      householdId: null,
    };
  });
  const taken = new Set(users.map((u) => u.displayName));
  const personName = () => {
    for (;;) {
      const first = random.chance(0.7) ? random.pick(womensNames) : random.pick(mensNames);
      const name = `${first} ${random.pick(surnames)}`;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };
  const add = (username: string, role: Role, team: number | null, area: number | null) => {
    users.push({
      id: ids.next(),
      username,
      displayName: personName(),
      role,
      teamIdx: team,
      areaIdx: area,
      householdId: null,
    });
  };

  if (plan.extraSupervisingSocialWorkers > 0) {
    teams.forEach((team, t) => {
      if (!users.some((u) => u.role === 'team_manager' && u.teamIdx === t)) {
        add(`tm.${team.code}`, 'team_manager', t, team.areaIdx);
      }
    });
  }
  for (let n = 0; n < plan.extraSupervisingSocialWorkers; n += 1) {
    const t = n % teams.length;
    const number = String(Math.floor(n / teams.length) + 1).padStart(
      plan.extraSupervisingSocialWorkers > 600 ? 3 : 2,
      '0',
    );
    add(`ssw.${teams[t]!.code}.${number}`, 'supervising_social_worker', t, teams[t]!.areaIdx);
  }
  for (let n = 0; n < plan.extraChildrensSocialWorkers; n += 1) {
    const a = n % areas.length;
    const code = `${areas[a]!.name.slice(0, 1).toLowerCase()}k`;
    const number = String(Math.floor(n / areas.length) + 1).padStart(
      plan.extraChildrensSocialWorkers > 300 ? 3 : 2,
      '0',
    );
    add(`cicsw.${code}.${number}`, 'childrens_social_worker', null, a);
  }

  const byUsername = new Map(users.map((u) => [u.username, u]));
  const teamManagers = teams.map((_, t) => users.find((u) => u.role === 'team_manager' && u.teamIdx === t)?.id ?? null);
  const supervisors = teams.map((_, t) =>
    users.filter((u) => u.role === 'supervising_social_worker' && u.teamIdx === t).map((u) => u.id),
  );
  const childrensWorkers = areas.map((_, a) =>
    users.filter((u) => u.role === 'childrens_social_worker' && u.areaIdx === a).map((u) => u.id),
  );
  return { areas, teams, users, byUsername, teamManagers, supervisors, childrensWorkers };
}
