import { declareCommand, STEERERS } from "./command-declaration.js";

const LONGEST_REASON = 500;

export const meetingCancel = declareCommand<string | undefined>({
  verb: "meeting",
  subcommand: "cancel",
  usage: "/meeting cancel [reason]",
  description:
    "Cancels this occurrence: the meeting issue says so, with the reason, and is closed; no minutes pull request is opened.",
  who: STEERERS,
  examples: ["/meeting cancel", "/meeting cancel Most of us are at the collaborator summit"],
  parse: (_words, rest) =>
    rest.length > LONGEST_REASON
      ? { problem: `The reason is ${rest.length} characters long; keep it under ${LONGEST_REASON}.` }
      : { args: rest === "" ? undefined : rest },
  access: () => "steer",
  async run(reason, context) {
    await context.actions.cancel(reason);
    return {};
  },
});
