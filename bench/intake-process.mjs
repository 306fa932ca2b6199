// Sends section 4's deliveries from a process of its own, so that what is timed is the app's
// answer and not the bench's main process, which also serves the sandbox the app's work calls.
// Started by intake.mjs with its settings in BENCH_INTAKE (JSON); prints the figures as one JSON line.
import { sendDeliveries } from "./intake.mjs";

const settings = JSON.parse(process.env.BENCH_INTAKE ?? "{}");
const figures = await sendDeliveries(settings);
const { user, system } = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ ...figures, sender_cpu_ms: Math.round((user + system) / 1000) })}\n`);
