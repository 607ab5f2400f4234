/** The addresses of the visits pages: under the child's own. */
export const visitsPath = (childId: string) => `/children/${childId}/visits`;
export const newVisitPath = (childId: string) => `/children/${childId}/visits/new`;
