/** The staff module's addresses. */
export const folderPath = (memberId: string) => `/staff/${memberId}`;
export const folderFormPath = (memberId: string, form: string) => `${folderPath(memberId)}/${form}`;
export const sessionPath = (sessionId: string) => `/staff/sessions/${sessionId}`;
export const sessionPdfPath = (sessionId: string) => `/staff/sessions/${sessionId}/record.pdf`;
export const signPath = (sessionId: string) => `/staff/sessions/${sessionId}/sign`;
export const MY_SUPERVISION = '/my-supervision';
export const TEAM_LIST = '/staff';
