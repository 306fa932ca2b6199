import { appFromEnv } from "./app.js";
import { serve } from "./app/serve.js";

// What `npm start` and the container run: the app's server (webhooks, /healthz, /readyz,
// /metrics, the cron endpoint), configured from the environment. A container is stopped with
// SIGTERM: the server stops taking requests, then the process ends.
const { app, close } = appFromEnv();
const server = await serve(app);
process.once("SIGTERM", () => {
  server.stop().then(close).then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
