/** The addresses of Lifelong Links pages: the list across the service, a child's work and its steps. */
export const lifelongLinksPath = () => '/lifelong-links';
export const startWorkPath = (childId: string) => `/children/${childId}/lifelong-links/start`;
export const workPath = (workId: string) => `/lifelong-links/${workId}`;
/** The start form, filled in, to put the work's start right. */
export const workStartPath = (workId: string) => `/lifelong-links/${workId}/start`;

/** The steps recorded on a work, each a form of its own, in order. */
export const workSteps = ['agreement', 'people', 'meeting', 'plan', 'end'] as const;
export type WorkStep = (typeof workSteps)[number];
export const workStepPath = (workId: string, step: WorkStep) => `/lifelong-links/${workId}/${step}`;
