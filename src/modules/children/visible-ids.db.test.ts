/**
 * The deadlines' scopes by household and by child (householdDueScope, childDueScope: the
 * subqueries My work, the review worklist and every due item list are scoped by) admit exactly
 * the households and children householdVisibleTo and childVisibleTo let each user read:
 * a team's households, one allocated to a worker in another team, restricted households named or
 * not, a child placed in another area and an unplaced child with an open referral.
 */
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { makeChild, makePlacement, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold, nameOnRestrictedHousehold, userIdByUsername } from '../../../test/support/households.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { DueScopeCondition } from '../../platform/due/index.ts';
import { householdDueScope } from '../households/due.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { serviceManager, viewer } from '../home/test-support.ts';
import { childDueScope } from './due.ts';
import { childVisibleTo } from './scope.ts';
import { children } from './tables.ts';

const { db } = dueFixture();

async function ids(query: SQL): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db(), sql`select distinct id::text as id from (${query}) found(id)`);
  return rows.map((row) => row.id).sort();
}

/** The records of a table a deadline scope admits for a user, whichever form it takes. */
function admitted(scope: DueScopeCondition, user: SignedInUser, table: typeof households | typeof children): SQL {
  const condition = scope(user);
  if (condition === 'all') return sql`select ${table.id} from ${table}`;
  if ('allBut' in condition)
    return sql`select ${table.id} from ${table} where ${table.id} not in (${condition.allBut})`;
  return 'few' in condition ? condition.few : condition;
}

describe('the id subqueries of who may read what', () => {
  const users: SignedInUser[] = [];
  let allocatedElsewhere: string;
  let restrictedNamed: string;
  let restrictedHidden: string;
  let placedElsewhere: string;
  let waiting: string;

  beforeAll(async () => {
    const ssw = await userIdByUsername(db(), 'ssw');
    const manager = await userIdByUsername(db(), 'manager');
    // The demo SSW and manager work in East Kent Fostering Team 1.
    allocatedElsewhere = (await makeHousehold(db(), { teamName: 'West Kent Fostering Team 1', allocatedSswId: ssw }))
      .id;
    restrictedNamed = (await makeHousehold(db(), { teamName: 'East Kent Fostering Team 1', restricted: true })).id;
    await nameOnRestrictedHousehold(db(), restrictedNamed, manager);
    restrictedHidden = (await makeHousehold(db(), { teamName: 'East Kent Fostering Team 1', restricted: true })).id;
    const eastHome = (await makeHousehold(db(), { teamName: 'East Kent Fostering Team 1' })).id;
    placedElsewhere = (await makeChild(db(), { area: 'West Kent' })).id;
    await makePlacement(db(), { childId: placedElsewhere, householdId: eastHome });
    const hiddenChild = (await makeChild(db(), { area: 'West Kent' })).id;
    await makePlacement(db(), { childId: hiddenChild, householdId: restrictedHidden });
    const withSsw = (await makeChild(db(), { area: 'West Kent' })).id;
    await makePlacement(db(), { childId: withSsw, householdId: allocatedElsewhere });
    waiting = (await makeChild(db(), { area: 'East Kent' })).id;
    await makeReferral(db(), { childId: waiting });
    for (const username of ['head', 'manager', 'ssw', 'ssw2', 'cicsw', 'reviewer', 'carer']) {
      users.push(await viewer(db(), username));
    }
    users.push(await serviceManager(db(), 'East Kent'));
  });

  /** Each user's records as the deadline scope admits them, checked equal to what they may read. */
  async function admittedMatchesReadable(
    scope: DueScopeCondition,
    table: typeof households | typeof children,
    readable: (user: SignedInUser) => SQL,
  ): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (const user of users) {
      const expected = await ids(sql`select ${table.id} from ${table} where ${readable(user)}`);
      const actual = await ids(admitted(scope, user, table));
      expect(actual, user.username).toEqual(expected);
      found.set(user.username, actual);
    }
    return found;
  }

  it('finds the households each user may read, and no other', async () => {
    const found = await admittedMatchesReadable(householdDueScope, households, householdVisibleTo);
    // The cases the team's shortcut must get right.
    expect(found.get('ssw')).toContain(allocatedElsewhere);
    expect(found.get('manager')).toContain(restrictedNamed);
    expect(found.get('manager')).not.toContain(restrictedHidden);
    expect(found.get('manager')).not.toContain(allocatedElsewhere);
    expect(found.get('reviewer')).not.toContain(restrictedHidden);
    expect(found.get('reviewer')).toContain(allocatedElsewhere);
  });

  it('finds the children each user may read, and no other', async () => {
    const found = await admittedMatchesReadable(childDueScope, children, childVisibleTo);
    expect(found.get('manager')).toEqual(expect.arrayContaining([placedElsewhere, waiting]));
    expect(found.get('ssw')).toContain(placedElsewhere);
    expect(found.get('ssw')).not.toContain(waiting);
  });
});
