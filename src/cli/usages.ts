// What each command says of itself, apart from the command: `--help` prints it without loading the
// command (and Probot, zod, the sandbox... with it), so that it answers at once.

export const previewUsage = `Usage: agenda-drafter preview --repo OWNER/NAME [--meeting ID] [--date YYYY-MM-DD] [--json] [--sandbox SNAPSHOT.yml]

Prints the title, the meeting issue body and the minutes of one occurrence (default: the next one)
as drafted from the items as they are now. Writes nothing.

  --repo OWNER/NAME     the home repository, which holds .github/agenda-drafter.yml
  --meeting ID          the meeting, when the repository declares several
  --date YYYY-MM-DD     the occurrence's local date (default: the next occurrence)
  --json                print one JSON object instead of text (logs go to stderr)
  --sandbox FILE        read from an in-memory GitHub loaded from a snapshot instead of GitHub

Talks to GitHub with GITHUB_TOKEN; for GitHub Enterprise Server set GITHUB_API_URL (its REST
API's address, https://HOST/api/v3) or GHE_HOST (with GHE_PROTOCOL, https by default). A GitHub App
user token (ghu_) or a fine-grained token (github_pat_) searches issues and pull requests apart.`;

export const demoUsage = `Usage: agenda-drafter demo [--keep] [--port 3001]

Plays a short story, offline: a sandbox GitHub holding the example org (examples/nodejs.yml), the
app running as a real Probot server against it (generated app key, signed webhooks), people
labelling items and commenting commands, the clock passing the Security WG's meeting. Prints each
step and the sandbox pages to look at, then stops everything.

  --keep     leave the sandbox and the app running at the end, to browse; Ctrl-C stops them
  --port N   the sandbox's port (default 3001; 0 picks a free one)`;

export const sandboxUsage = `Usage: agenda-drafter sandbox --snapshot FILE [--port 3001] [--webhook-url URL --webhook-secret S] [--app-id N --app-key PEM]

Serves an in-memory GitHub loaded from a snapshot, laid out as GitHub Enterprise Server: REST at
/api/v3, GraphQL at /api/graphql, web pages at /, control endpoints at /_sandbox/ (clock,
deliveries, webhook faults, installations). Run the app against it with
GHE_HOST=localhost:<port> GHE_PROTOCOL=http.

  --snapshot FILE        the snapshot (YAML) to load
  --port N               the port to listen on (default 3001)
  --webhook-url URL      where to send the app's webhooks (with --webhook-secret)
  --webhook-secret S     the secret webhooks are signed with
  --app-id N             the app's id (with --app-key)
  --app-key PEM          the app's private or public key (PEM text or a PEM file) to check its JWTs`;

export const runUsage = `Usage: agenda-drafter run [--repo OWNER/NAME]

Runs one tick, for a cron job or scheduled CI: creates the meeting issues whose lead time has come,
freezes agendas at their meeting's start, opens minutes pull requests, closes finished and
cancelled meetings' issues. Every step is idempotent; with AGENDA_DRAFTER_REDIS_URL, a tick
running elsewhere makes this one wait its turn (it exits without doing anything).

  --repo OWNER/NAME   tick only the meetings this repository declares (reads one config file);
                      without it, every installation's meetings, discovered unless
                      AGENDA_DRAFTER_REDIS_URL holds them already (the output says how many API calls discovery cost)`;

export const schemaUsage = `Usage: agenda-drafter schema

Prints the JSON schema of .github/agenda-drafter.yml (schema.json).`;

export const feedUrlUsage = `Usage: agenda-drafter feed-url <owner/repo> [--base https://agenda-drafter.example.org]

Prints the address of a home repo's calendar feed. For a private home repo it carries the feed's
token, derived from the app's key (AGENDA_DRAFTER_STATE_KEY, else PRIVATE_KEY or
PRIVATE_KEY_PATH): share it only with people who may see the repository. The token changes only
when the key does.

  --base URL   where the app is served (default http://localhost:3000)`;
