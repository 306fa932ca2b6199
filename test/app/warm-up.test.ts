// What Node.js and the libraries load on first use is loaded while the app loads, before the
// server listens: the first config file's check (its parser, schema and time zone), during
// start-up discovery, does not then hold the answers of the webhooks arriving meanwhile.
import { jest } from "@jest/globals";
import nock from "nock";
import { Probot } from "probot";
import { createAgendaDrafter } from "../../src/app/create-agenda-drafter.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";
import { API, cleanUp, privateKey, TestOctokit } from "./harness.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  jest.restoreAllMocks();
  cleanUp();
});

test("loading the app checks a sample config file and its time zone, before any config file is read", async () => {
  const scope = nock(API).get("/app/installations").query(true).reply(200, []);
  const formats = jest.spyOn(Intl, "DateTimeFormat");
  const drafter = createAgendaDrafter({ stateSigner: TEST_STATE_SIGNER });
  const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit: TestOctokit });

  await probot.load(drafter.app);

  expect(formats).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ timeZone: "UTC" }));
  await drafter.idle();
  expect(scope.pendingMocks()).toEqual([]);
});
