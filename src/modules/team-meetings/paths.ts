/** The addresses of the pages of learning from serious case reviews: the reviews, a team's meetings, the extended meetings. */
export const learningPath = () => '/learning-from-reviews';
export const newReviewPath = () => '/learning-from-reviews/new';
export const reviewPath = (id: string) => `/learning-from-reviews/${id}`;
export const teamMeetingsPath = (teamId: string) => `/teams/${teamId}/team-meetings`;
export const newTeamMeetingPath = (teamId: string) => `/teams/${teamId}/team-meetings/new`;
export const teamMeetingPath = (id: string) => `/team-meetings/${id}`;
export const newActionPath = (meetingId: string) => `/team-meetings/${meetingId}/actions/new`;
export const actionDonePath = (actionId: string) => `/team-meeting-actions/${actionId}/done`;
export const actionNotDonePath = (actionId: string) => `/team-meeting-actions/${actionId}/not-done`;
export const extendedMeetingsPath = () => '/extended-meetings';
export const newExtendedMeetingPath = () => '/extended-meetings/new';
export const extendedMeetingPath = (id: string) => `/extended-meetings/${id}`;
export const editTeamMeetingPath = (id: string) => `/team-meetings/${id}/edit`;
export const removeTeamMeetingPath = (id: string) => `/team-meetings/${id}/remove`;
export const editReviewPath = (id: string) => `/learning-from-reviews/${id}/edit`;
export const removeReviewPath = (id: string) => `/learning-from-reviews/${id}/remove`;
export const editExtendedMeetingPath = (id: string) => `/extended-meetings/${id}/edit`;
export const removeExtendedMeetingPath = (id: string) => `/extended-meetings/${id}/remove`;
