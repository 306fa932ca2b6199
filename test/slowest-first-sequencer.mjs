import TestSequencer from "@jest/test-sequencer";

// Jest runs the suites it knows to be slowest first, so that none starts last and keeps one worker
// busy after the others are done; it knows a suite's time from an earlier run on this machine. On a
// clean clone, as on CI, it guesses from the file's size, which says little here: the suites that run
// the app as a server or a process wait most, whatever their size, so those it knows nothing of go first.
const WAITING_SUITES = /[\\/]test[\\/](e2e|cli|browser)[\\/]/;

export default class SlowestFirstSequencer extends TestSequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const waitsUnmeasured = (test) => test.duration === undefined && WAITING_SUITES.test(test.path);
    return [...sorted.filter(waitsUnmeasured), ...sorted.filter((test) => !waitsUnmeasured(test))];
  }
}
