/** The addresses of the children module's pages. */
export const childPath = (id: string) => `/children/${id}`;
/** Recording that a child left care, and changing it. */
export const leavingPath = (id: string) => `/children/${id}/left-care`;
/** Removing a record of leaving care made in error. */
export const removeLeavingPath = (id: string) => `/children/${id}/left-care/remove`;
/** The notifications of a child's death. */
export const deathNotificationsPath = (id: string) => `/children/${id}/left-care/notifications`;
/** Removing a health assessment recorded in error. */
export const removeHealthAssessmentPath = (childId: string, assessmentId: string) =>
  `/children/${childId}/health-assessments/${assessmentId}/remove`;
