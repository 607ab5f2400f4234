/** The addresses of the payments pages. */
export const paymentsPath = () => '/payments';
export const newRatesPath = () => '/payments/rates/new';
export const enhancementsPath = (view?: 'without') =>
  view ? `/payments/enhancements?view=${view}` : '/payments/enhancements';
export const newEnhancementPath = (childReference?: string) =>
  childReference
    ? `/payments/enhancements/new?child=${encodeURIComponent(childReference)}`
    : '/payments/enhancements/new';
export const enhancementPath = (id: string) => `/payments/enhancements/${id}`;
export const changeRatesPath = (id: string) => `/payments/rates/${id}/change`;
export const removeRatesPath = (id: string) => `/payments/rates/${id}/remove`;
export const changeEnhancementPath = (id: string) => `/payments/enhancements/${id}/change`;
export const removeEnhancementPath = (id: string) => `/payments/enhancements/${id}/remove`;
