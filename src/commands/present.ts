import { escapeMarkdown } from "../render/escape-markdown.js";
import { declareCommand } from "./command-declaration.js";
import type { Attendee } from "../model.js";
import { shown } from "./shown.js";

const LOGIN = /^@?([A-Za-z0-9][A-Za-z0-9-]{0,38})$/;
const MOST_PEOPLE = 30;

export const present = declareCommand<string[]>({
  verb: "present",
  usage: "/present [@user ...]",
  description:
    "Records attendees in the minutes' Present section as `* Full Name (@login)`: yourself when no one is named. On the minutes pull request's branch once it exists, until then in the meeting's state.",
  who: "anyone who may comment, for themselves; people who may steer the meeting, for others",
  examples: ["/present", "/present @mhdawson @RafaelGSS"],
  parse(words, _rest, context) {
    if (words.length > MOST_PEOPLE) return { problem: `Name at most ${MOST_PEOPLE} people at once.` };
    const logins = new Map<string, string>();
    for (const word of words.length === 0 ? [context.commenter] : words) {
      const login = LOGIN.exec(word)?.[1];
      if (login === undefined) return { problem: `${shown(word)} is not a GitHub login like \`@octocat\`.` };
      if (!logins.has(login.toLowerCase())) logins.set(login.toLowerCase(), login);
    }
    return { args: [...logins.values()] };
  },
  access: (logins, context) =>
    logins.every((login) => login.toLowerCase() === context.commenter.toLowerCase()) ? "comment" : "steer",
  async run(logins, context) {
    const people: Attendee[] = [];
    const unknown: string[] = [];
    for (const login of logins) {
      const user = await context.github.findUser(login);
      if (user) people.push(user);
      else unknown.push(escapeMarkdown(`@${login}`));
    }
    if (unknown.length > 0) return { refused: `GitHub has no user ${unknown.join(", ")}.` };
    await context.actions.recordAttendees(people);
    return { reply: `Recorded as present:\n${people.map(attendeeLine).join("\n")}` };
  },
});

/** As in the minutes, but mentioning nobody. */
function attendeeLine({ login, name }: Attendee): string {
  const handle = escapeMarkdown(`@${login}`);
  return name === null ? `* ${handle}` : `* ${escapeMarkdown(name)} (${handle})`;
}
