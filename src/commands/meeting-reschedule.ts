import { DateTime, IANAZone } from "luxon";
import { declareCommand, STEERERS, type ParsedArguments } from "./command-declaration.js";
import type { CommandContext } from "./command-context.js";
import { shown } from "./shown.js";

interface NewTime {
  start: DateTime;
  zone: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

export const meetingReschedule = declareCommand<NewTime>({
  verb: "meeting",
  subcommand: "reschedule",
  usage: "/meeting reschedule <YYYY-MM-DD> <HH:MM> [zone]",
  description:
    "Moves this occurrence to another date and time, in the given IANA time zone or else the meeting's own. The title, time table and minutes follow; a date that has another occurrence of the meeting is refused.",
  who: STEERERS,
  examples: ["/meeting reschedule 2024-04-04 16:00", "/meeting reschedule 2024-04-04 18:00 Europe/Berlin"],
  parse: (words, _rest, context) => parseNewTime(words, context),
  access: () => "steer",
  async run({ start, zone }, context) {
    const { meeting, occurrence } = context;
    if (start.toMillis() <= context.now.getTime()) return { refused: `${describe(start, zone)} has already passed.` };
    const date = start.setZone(meeting.schedule.timezone).toISODate() as string;
    const there = context.schedule.on(date);
    if (there && !there.cancelled && there.key !== occurrence.key) {
      return { refused: `The meeting already takes place on ${date}; move the occurrence to a day of its own.` };
    }
    const { refused } = await context.actions.reschedule(start.toJSDate(), zone);
    return refused !== undefined ? { refused } : { reply: `Moved to ${describe(start, zone)}.` };
  },
});

function parseNewTime(words: string[], context: CommandContext): ParsedArguments<NewTime> {
  const [dateWord = "", timeWord = "", zoneWord, extra] = words;
  if (dateWord === "" || extra !== undefined) return { problem: "Give a date, a time and, if you like, a time zone." };
  const date = DATE.exec(dateWord);
  if (!date) return { problem: `${shown(dateWord)} is not a date like 2024-03-28.` };
  if (timeWord === "") return { problem: "Give a time after the date." };
  const time = TIME.exec(timeWord);
  if (!time) return { problem: `${shown(timeWord)} is not a time like 16:00.` };
  const zone = zoneWord ?? context.meeting.schedule.timezone;
  if (!IANAZone.isValidZone(zone)) return { problem: `${shown(zone)} is not an IANA time zone like Europe/Berlin.` };
  const wall = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: Number(time[1]), minute: Number(time[2]) };
  const start = DateTime.fromObject(wall, { zone });
  if (!start.isValid) return { problem: `${dateWord} ${timeWord} is not a valid date and time.` };
  // luxon moves a wall time that the clocks skip; the commenter should pick one that exists.
  if (start.hour !== wall.hour || start.minute !== wall.minute) {
    return { problem: `${dateWord} ${timeWord} does not exist in ${zone}: the clocks skip it.` };
  }
  return { args: { start, zone } };
}

function describe(start: DateTime, zone: string): string {
  const local = `${start.setZone(zone).toFormat("cccc yyyy-MM-dd HH:mm")} (${zone})`;
  return zone === "UTC" ? local : `${local}, ${start.toUTC().toFormat("HH:mm")} UTC`;
}
