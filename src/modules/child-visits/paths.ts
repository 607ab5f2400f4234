/** The addresses of the visits pages: under the child's own. */
export const visitsPath = (childId: string) => `/children/${childId}/visits`;
export const newVisitPath = (childId: string) => `/children/${childId}/visits/new`;
/** "Change the visit" and "Remove the visit". */
export const visitPath = (childId: string, visitId: string) => `/children/${childId}/visits/${visitId}`;
export const removeVisitPath = (childId: string, visitId: string) => `${visitPath(childId, visitId)}/remove`;
