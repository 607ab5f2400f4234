/** The addresses of out-of-hours pages: the list, a household's calls and a new one, a call. */
export const outOfHoursPath = () => '/out-of-hours';
export const householdCallsPath = (householdId: string) => `/households/${householdId}/out-of-hours`;
export const newCallPath = (householdId: string) => `/households/${householdId}/out-of-hours/new`;
export const callPath = (id: string) => `/out-of-hours/${id}`;
/** Correcting a call recorded with a mistake, and removing one recorded on the wrong household. */
export const changeCallPath = (id: string) => `/out-of-hours/${id}/change`;
export const removeCallPath = (id: string) => `/out-of-hours/${id}/remove`;
