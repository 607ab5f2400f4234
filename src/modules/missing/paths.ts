/** The addresses of the missing from care pages: the list, a child's episodes, a child's new episode, an episode and its steps. */
export const missingListPath = () => '/missing';
export const childEpisodesPath = (childId: string) => `/children/${childId}/missing`;
export const newEpisodePath = (childId: string) => `/children/${childId}/missing/new`;
export const episodePath = (id: string) => `/missing/${id}`;
/** Removing an episode recorded in error. */
export const removeEpisodePath = (id: string) => `/missing/${id}/remove`;

/** The steps recorded on an episode after it is opened, each a form of its own. */
export const episodeSteps = ['return', 'interview'] as const;
export type EpisodeStep = (typeof episodeSteps)[number];
export const episodeStepPath = (id: string, step: EpisodeStep) => `/missing/${id}/${step}`;
/** Correcting what an episode was opened with. */
export const changeEpisodePath = (id: string) => `/missing/${id}/change`;
