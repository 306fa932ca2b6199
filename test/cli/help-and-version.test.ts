import { readFileSync } from "node:fs";
import { main } from "../../src/cli.js";
import { previewUsage, runUsage } from "../../src/cli/usages.js";

function capture() {
  const printed: string[] = [];
  const logged: string[] = [];
  return { printed, logged, output: { print: (text: string) => void printed.push(text), log: (text: string) => void logged.push(text) } };
}

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

test("--version prints the package's version", async () => {
  const { printed, output } = capture();
  await expect(main(["--version"], output)).resolves.toBe(0);
  expect(printed).toEqual([manifest.version]);
});

test('"help preview" prints preview\'s help, as "preview --help" does', async () => {
  const help = capture();
  const flag = capture();
  await expect(main(["help", "preview"], help.output)).resolves.toBe(0);
  await expect(main(["preview", "--help"], flag.output)).resolves.toBe(0);
  expect(help.printed).toEqual([previewUsage]);
  expect(flag.printed).toEqual(help.printed);
});

test('"help run" prints run\'s help', async () => {
  const { printed, output } = capture();
  await expect(main(["help", "run"], output)).resolves.toBe(0);
  expect(printed).toEqual([runUsage]);
});

test('"help" of an unknown command says so and lists the commands, exit 2', async () => {
  const { printed, logged, output } = capture();
  await expect(main(["help", "previw"], output)).resolves.toBe(2);
  expect(printed).toEqual([]);
  expect(logged[0]).toMatch(/^Unknown command "previw"\.\n\nUsage: agenda-drafter <command>/);
});

test("--help lists every command and says how to get a command's help", async () => {
  const { printed, output } = capture();
  await expect(main(["--help"], output)).resolves.toBe(0);
  for (const command of ["preview", "demo", "run", "sandbox", "schema"]) expect(printed[0]).toMatch(new RegExp(`^  ${command} `, "m"));
  expect(printed[0]).toContain('"agenda-drafter help <command>"');
});
