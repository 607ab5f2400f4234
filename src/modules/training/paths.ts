/** The addresses of the training module's pages. */
export const householdTrainingPath = (householdId: string) => `/households/${householdId}/training`;
export const carerTrainingPath = (carerId: string) => `/training/carers/${carerId}`;
export const developmentPlanPath = (carerId: string) => `/training/carers/${carerId}/pdp`;
/** Putting one version of a carer's PDP right, and removing one recorded in error. */
export const changePlanPath = (carerId: string, planId: string) => `/training/carers/${carerId}/pdp/${planId}/change`;
export const removePlanPath = (carerId: string, planId: string) => `/training/carers/${carerId}/pdp/${planId}/remove`;
export const coursePath = (id: string) => `/training/courses/${id}`;
export const trainingSessionPath = (id: string) => `/training/sessions/${id}`;
export const participationEventPath = (id: string) => `/participation/${id}`;
/** Correcting a participation event's own details, and removing one recorded in error. */
export const changeParticipationEventPath = (id: string) => `/participation/${id}/change`;
export const removeParticipationEventPath = (id: string) => `/participation/${id}/remove`;
export const newOtherPlacesPath = (sessionId: string) => `/training/sessions/${sessionId}/other-places/new`;
export const removeOtherPlacesPath = (id: string) => `/training/other-places/${id}/remove`;
