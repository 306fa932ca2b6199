/** The Node.js Security WG's config, as its home repository would hold it. */
export const SECURITY_WG_CONFIG = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    scope: { orgs: [nodejs] }
    schedule:
      timezone: UTC
      start: "2024-03-28T16:00"
      rrule: "FREQ=WEEKLY;INTERVAL=2"
      duration: 60
      exceptions: ["2024-12-26"]
    lead_time: 3d
    invited: ["@nodejs/security-wg"]
    observers: []
    standing_items:
      - { title: Vulnerability Review, url: "https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues" }
    minutes: { path: "meetings/{{date}}.md", open: after_meeting }
    issue: { labels: [meeting], close_previous: true }
    templates: { issue: ".github/agenda-drafter/issue.md.hbs", minutes: ".github/agenda-drafter/minutes.md.hbs" }
    links: { joining: "https://zoom.us/j/123456789", livestream: "https://www.youtube.com/c/nodejs+foundation/live" }
    timezones: [America/Los_Angeles, America/New_York, Europe/London, Europe/Berlin, Asia/Kolkata, Asia/Tokyo, Australia/Sydney]
`;
