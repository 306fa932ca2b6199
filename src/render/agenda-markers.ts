/**
 * Hidden comments around the agenda in the meeting issue, so the app can replace the agenda as
 * items come and go while leaving the rest of the issue as people edited it. No escaped title
 * can contain them (escapeMarkdown breaks every `<!--` and `-->`).
 */
export const AGENDA_MARKERS = {
  start: "<!-- agenda-drafter:agenda:start -->",
  end: "<!-- agenda-drafter:agenda:end -->",
} as const;
