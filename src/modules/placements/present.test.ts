import { describe, expect, it } from 'vitest';
import { signers } from './present.ts';

describe('reading who signed a delegated authority', () => {
  it('reads stored keys and the words older records hold', () => {
    expect(signers('foster_carer,social_worker,parent')).toEqual(['foster_carer', 'social_worker', 'parent']);
    expect(signers('Foster carer, social worker')).toEqual(['foster_carer', 'social_worker']);
    expect(signers('Foster carer, the judge')).toEqual(['foster_carer', 'the judge']);
  });
});
