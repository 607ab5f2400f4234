/** What an episode's pages show: its state in a tag, and its rows in words. */
import { formatDate } from '../../platform/views/format.ts';
import type { EpisodeRow } from './queries.ts';

/** The episode's state as a GOV.UK tag: missing now, back and waiting for an interview, or came back (closed). */
export function episodeTag(e: Pick<EpisodeRow, 'returnedOn' | 'interviewOfferedOn' | 'interviewNotOfferedReason'>) {
  if (e.returnedOn === null) return { text: 'Missing now', classes: 'govuk-tag--red' };
  if (e.interviewOfferedOn === null && e.interviewNotOfferedReason === null)
    return { text: 'Return interview to offer', classes: 'govuk-tag--yellow' };
  return { text: 'Came back', classes: 'govuk-tag--grey' };
}

/** One line on the episode: "Missing from 4 November 2026 to 5 November 2026, from the Smith household (H-000123)". */
export function episodeSummary(e: EpisodeRow): string {
  const from = `Missing from ${formatDate(e.missingOn)}`;
  const to = e.returnedOn ? ` to ${formatDate(e.returnedOn)}` : ', not back yet';
  return `${from}${to}, from ${e.householdName} (${e.householdReference})`;
}

const by = (name: string | null) => (name ? `Recorded by ${name}` : null);

function interviewValue(e: EpisodeRow): string {
  if (e.returnedOn === null) return 'Not yet: the child is not back';
  const due = `due by ${formatDate(e.interviewDueOn!)}`;
  if (e.interviewNotOfferedReason) return `Not offered: ${e.interviewNotOfferedReason}`;
  if (e.interviewOfferedOn === null) return `Not offered yet (${due})`;
  const offered = `Offered on ${formatDate(e.interviewOfferedOn)}`;
  if (e.interviewHeldOn) return `${offered}; held on ${formatDate(e.interviewHeldOn)}`;
  if (e.interviewDeclined) return `${offered}; the child declined it`;
  return `${offered}; not held yet`;
}

/**
 * The rows of the episode's summary list, each with who recorded it; `opening` marks what the form
 * that opened the episode records (and its change form corrects).
 */
export function episodeRows(e: EpisodeRow) {
  return [
    {
      key: 'Went missing',
      value: formatDate(e.missingOn),
      note: e.circumstances,
      by: by(e.recordedByName),
      opening: true,
    },
    { key: 'From', value: `${e.householdName} (${e.householdReference})`, note: null, by: null, opening: false },
    { key: 'Reported to the police', value: e.reportedToPolice ? 'Yes' : 'No', note: null, by: null, opening: true },
    {
      key: 'Came back',
      opening: true,
      step: 'return' as const,
      value: e.returnedOn ? formatDate(e.returnedOn) : 'Not back yet',
      note: e.returnNote,
      by: e.returnedOn ? by(e.returnRecordedByName) : null,
    },
    {
      key: 'Return interview',
      opening: false,
      step: 'interview' as const,
      value: interviewValue(e),
      note: null,
      by: e.interviewOfferedOn || e.interviewNotOfferedReason ? by(e.interviewRecordedByName) : null,
    },
  ];
}
