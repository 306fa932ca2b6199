import { CONFIG_PATH } from "../config/load-config.js";
import { parseConfig } from "../config/parse-config.js";
import { resolveMeetings } from "../config/resolve-meetings.js";

/** A config file of one meeting, checked as start-up discovery checks the installations' files. */
const SAMPLE_CONFIG = `meetings:
  sample:
    name: Sample
    agenda_labels: [sample-agenda]
    lead_time: 3d
    scope: { orgs: [sample] }
    minutes: { open: on_command }
    schedule: { timezone: UTC, start: "2030-01-01T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
`;

/**
 * Loads, while the app loads and before the server listens, what Node.js and the libraries load
 * or compile on first use: Node's `fetch` (undici, some 25 ms of compiling, several times that on
 * a loaded machine), which start-up discovery's first request would load, and the config file's
 * parser, schema and time zones (some 30 ms), which its first config file's check would. Loaded
 * then, either holds the event loop while the first webhooks wait for their answers.
 */
export function warmUpLazyModules(): void {
  new Headers();
  const parsed = parseConfig(SAMPLE_CONFIG, CONFIG_PATH);
  if (parsed.raw) resolveMeetings(parsed.raw, { home: { owner: "sample", repo: "sample" }, file: CONFIG_PATH });
}
