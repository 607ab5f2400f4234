/** The addresses of Carer Ambassadors' pages: the service's list, a household's ambassadors and their forms. */
export const ambassadorsPath = () => '/ambassadors';
export const householdAmbassadorsPath = (householdId: string) => `/households/${householdId}/ambassadors`;
export const newAmbassadorPath = (householdId: string) => `/households/${householdId}/ambassadors/new`;
export const stopAmbassadorPath = (id: string) => `/ambassadors/${id}/stop`;
export const removeAmbassadorPath = (id: string) => `/ambassadors/${id}/remove`;
export const newActivityPath = (householdId: string) => `/households/${householdId}/ambassadors/activities/new`;
export const removeActivityPath = (id: string) => `/ambassadors/activities/${id}/remove`;
export const changeAmbassadorPath = (id: string) => `/ambassadors/${id}/change`;
export const portalActivityPath = () => '/portal/ambassadors/activities/new';
