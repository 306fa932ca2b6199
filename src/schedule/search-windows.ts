const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How far, in growing steps, to search for a neighbouring occurrence: a weekly meeting is found
 * in the first step, and nothing is searched beyond about ten years.
 */
export const SEARCH_WINDOWS_MS = [15, 100, 400, 4000].map((days) => days * DAY_MS);
