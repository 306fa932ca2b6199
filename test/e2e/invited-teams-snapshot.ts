// The Security WG inviting its team and a team that does not exist, in an org where one of the
// team's members keeps his membership private: shared by the end-to-end tests and the preview's.
import { snapshotWith } from "./live-issue-app.js";

export const CONFIG_PATH = ".github/agenda-drafter.yml";

export const INVITED_TEAMS_SNAPSHOT = invitedTeamsSnapshot({ private: false });

/** The fixture, its home repo public (as nodejs/security-wg is) or private. */
export function invitedTeamsSnapshot(home: { private: boolean }): string {
  return snapshotWith((snapshot) => {
    const nodejs = snapshot.orgs.nodejs as typeof snapshot.orgs.nodejs & { public_members?: string[] };
    // UlisesGascon's membership of the org is private: a public issue does not list him.
    nodejs.public_members = ["mhdawson", "RafaelGSS"];
    const repo = nodejs.repos["security-wg"] as (typeof nodejs.repos)[string] & { private?: boolean };
    const files = repo.files;
    if (!files) throw new Error("the snapshot has no nodejs/security-wg files");
    if (home.private) repo.private = true;
    files[CONFIG_PATH] = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
    invited:
      - "@nodejs/security-wg"
      - "@nodejs/security-wgg"
    ping_invited: true
`;
  });
}

/** The team's public members as the public home repo's agenda lists them, escaped. */
export const PUBLIC_MEMBERS = "@\u200Bnodejs/security-wg:\n\n* Rafael Gonzaga (@\u200BRafaelGSS)\n\n*And 1 more whose membership of the org is private.*";
