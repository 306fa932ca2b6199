/**
 * What comment commands ask of the app, for the meeting issue the comment is on. The app
 * implements it; the commands have already checked who asked and validated the arguments.
 */
export interface MeetingActions {
  /** Recomputes the agenda in the meeting issue now. */
  refresh(): Promise<void>;
  /**
   * Cancels this occurrence: the issue says so and is closed, and no minutes pull request opens.
   * `reason` is the commenter's raw text: escape it where it is written.
   */
  cancel(reason: string | undefined): Promise<void>;
  /**
   * Moves this occurrence to `start` (a UTC instant) shown in `zone`; it keeps its key. The date is
   * already checked against the schedule; `refused` is for what only the app knows (another
   * occurrence already moved onto that date, minutes already merged...), written for the commenter.
   */
  reschedule(start: Date, zone: string): Promise<{ refused?: string }>;
  /**
   * Opens the minutes pull request, or regenerates its file while the branch head is still the
   * app's own commit; once a person has pushed, changes nothing.
   */
  openMinutes(): Promise<{ pullRequestUrl: string; regenerated: boolean; personPushed: boolean }>;
  /** Adds people to the minutes' Present section (on the branch once it exists, else in the app's state). */
  recordAttendees(people: Attendee[]): Promise<void>;
}

export interface Attendee {
  login: string;
  /** The GitHub profile name, if the person set one. */
  name: string | null;
}
