/** Changing a carer's details: a refused change keeps what was typed and still names the carer being changed. */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';

const t = testAppForFile();

describe('changing a carer', () => {
  it('names the carer as recorded when the change is refused, and keeps the typed answers', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const carer = await makeCarer(db, household.id, { firstName: 'Morwenna', lastName: 'Trelawny' });
    const ssw = await signedIn(t.app, 'ssw');
    const refused = await ssw.post(`/households/${household.id}/carers/${carer.id}/edit`, {
      firstName: '',
      lastName: 'Penrose',
      phone: '01227 000000',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the carer’s first name');
    expect(refused.body).toContain(`<title>Error: Change carer: Morwenna Trelawny, ${household.name} - Hearth</title>`);
    expect(refused.body).not.toContain('Change carer: carer,');
    expect(refused.body).toContain('value="Penrose"');
  });
});
