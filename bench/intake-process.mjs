// Sends section 4's deliveries from a process of its own, so that what is timed is the app's
// answer and not the bench's main process, which also serves the sandbox the app's work calls.
// Started by intake.mjs with its settings in BENCH_INTAKE (JSON); prints the figures as one JSON line.
import { createServer } from "node:http";
import { sendDeliveries } from "./intake.mjs";

const settings = JSON.parse(process.env.BENCH_INTAKE ?? "{}");
await warmUp(settings);
const cpuFrom = process.cpuUsage();
const figures = await sendDeliveries(settings);
const { user, system } = process.cpuUsage(cpuFrom);
process.stdout.write(`${JSON.stringify({ ...figures, sender_cpu_ms: Math.round((user + system) / 1000) })}\n`);

/**
 * GitHub's sender is never cold; a new process is: its first requests run Node's HTTP client
 * and the signing uncompiled, and would time that as the app's first answers. So it first sends
 * a few hundred deliveries to a server of its own that answers at once.
 */
async function warmUp(settings) {
  const server = createServer((request, response) => request.resume().on("end", () => response.end("ok\n")));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  await sendDeliveries({ ...settings, url: `http://127.0.0.1:${server.address().port}`, perSecond: 2_000, count: 400 });
  await new Promise((resolve) => server.close(resolve));
}
