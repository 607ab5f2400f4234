/** The addresses of the recruitment module's pages. */

/** The one form for a new fostering enquiry (the households list leads to it too). */
export const newEnquiryPath = '/recruitment/enquiries/new';
export const recruitmentPath = (householdId: string) => `/households/${householdId}/recruitment`;
export const recruitmentStepPath = (householdId: string, step: string) => `${recruitmentPath(householdId)}/${step}`;
