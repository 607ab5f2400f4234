/** The addresses of the panel module's pages. */
export const meetingPath = (id: string) => `/panel/meetings/${id}`;
export const meetingDatePath = (id: string) => `/panel/meetings/${id}/date`;
export const minutesWithdrawPath = (id: string) => `/panel/meetings/${id}/minutes/withdraw`;
export const decisionPath = (itemId: string) => `/panel/items/${itemId}/decision`;
export const decisionChangePath = (itemId: string) => `/panel/items/${itemId}/decision/change`;
export const decisionWithdrawPath = (itemId: string) => `/panel/items/${itemId}/decision/withdraw`;
export const panelMemberPath = (id: string) => `/panel/members/${id}`;
