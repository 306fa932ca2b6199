import { IANAZone } from "luxon";

/**
 * Loads, while the app loads and before the server listens, what Node.js loads on first use: its
 * `fetch` (undici, some 25 ms of compiling, several times that on a loaded machine), which start-up
 * discovery's first request would load, and ICU's time zones (some 15 ms), which the first config
 * file's check would. Loaded then, either holds the event loop while the first webhooks wait for
 * their answers.
 */
export function warmUpLazyModules(): void {
  new Headers();
  IANAZone.isValidZone("UTC");
}
