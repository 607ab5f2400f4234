/** The addresses of the audits pages. */
export const auditsHomePath = (month?: string) => (month ? `/audits?month=${month}` : '/audits');
export const pickPath = () => '/audits/pick';
export const monthPath = (id: string) => `/audits/months/${id}`;
export const summaryPath = (month?: string) => (month ? `/audits/summary?month=${month}` : '/audits/summary');
export const auditPath = (id: string) => `/audits/${id}`;
export const auditStepPath = (id: string, step: 'grade' | 'swap' | 'put-right' | 'confirm' | 'change-grade') =>
  `/audits/${id}/${step}`;
export const householdAuditsPath = (householdId: string) => `/households/${householdId}/audits`;
