import { declareCommand, STEERERS } from "./command-declaration.js";
import { noArguments } from "./no-arguments.js";

export const openMinutes = declareCommand({
  verb: "minutes",
  usage: "/minutes",
  description:
    "Opens the minutes pull request now, or regenerates its file while the branch still holds only the app's commit; once a person has pushed to it, replies with its link and changes nothing.",
  who: STEERERS,
  examples: ["/minutes"],
  parse: noArguments,
  access: () => "steer",
  async run(_args, context) {
    const { pullRequestUrl, regenerated, personPushed } = await context.actions.openMinutes();
    if (personPushed) return { reply: `The minutes pull request already has commits by people, so it stays as it is: ${pullRequestUrl}` };
    return { reply: regenerated ? `Regenerated the minutes in ${pullRequestUrl}` : `Opened the minutes pull request: ${pullRequestUrl}` };
  },
});
