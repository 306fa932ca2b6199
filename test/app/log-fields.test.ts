import { Writable } from "node:stream";
import { pino } from "pino";
import { logWithFields, withLogFields, withOwnLogFields } from "../../src/app/log-fields.js";

function jsonLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ base: null, timestamp: false }, stream);
  return { lines, log: logWithFields(() => logger) };
}

test("a line carries the fields of the work it is logged from, through awaits, as pino bindings", async () => {
  const { lines, log } = jsonLog();
  await withOwnLogFields({ delivery: "d-1", event: "issues.labeled", installation: 7, repo: "nodejs/node" }, async () => {
    await new Promise((resolve) => setImmediate(resolve));
    await withLogFields({ meeting: "security-wg", occurrence: "2024-03-28" }, async () => log.info("refreshed"));
    log.warn("handled");
  });
  log.error("outside");
  expect(lines).toEqual([
    { level: 30, delivery: "d-1", event: "issues.labeled", installation: 7, repo: "nodejs/node", meeting: "security-wg", occurrence: "2024-03-28", msg: "refreshed" },
    { level: 40, delivery: "d-1", event: "issues.labeled", installation: 7, repo: "nodejs/node", msg: "handled" },
    { level: 50, msg: "outside" },
  ]);
});

test("work of its own (a queued refresh) does not carry the fields of the delivery that queued it", () => {
  const { lines, log } = jsonLog();
  withOwnLogFields({ delivery: "d-1", installation: 7 }, () => withOwnLogFields({ installation: 7, meeting: "security-wg" }, () => log.info("refresh")));
  expect(lines).toEqual([{ level: 30, installation: 7, meeting: "security-wg", msg: "refresh" }]);
});
