import { describeWithCmarkGfm, githubLinksIn, allNodes } from "../render/github-rendering.js";
import { reply } from "../render/title-places.js";

// The app's own texts go to every installation: an example in prose that names a real person
// pings that person each time, and one that names an issue puts a "mentioned this" event on it.
// Examples in code spans are fine, since GitHub links nothing there.
describeWithCmarkGfm("the app's usage texts", () => {
  test("no reply that explains a command mentions anyone or references an issue", async () => {
    const comment = [
      "/help",
      "/present not-a-login!",
      "/agenda add nonsense",
      "/agenda remove nonsense",
      "/agenda refresh now",
      "/agenda propose nonsense",
      "/agenda propose",
      "/agenda decline nonsense",
      "/agenda frobnicate",
      "/agenda",
      "/meeting reschedule someday",
      "/meeting reschedule 2024-04-04 noon",
      "/meeting reschedule 2024-04-04 16:00 Mars/Olympus",
      "/meeting frobnicate",
      "/minutes now",
    ].join("\n");
    const rendered = await reply(comment);
    expect(rendered).toBeDefined();
    const texts = allNodes(rendered!).filter((node) => node.type === "text").map((node) => node.literal ?? "");
    const found = texts.filter((text) => githubLinksIn(text).length > 0);
    expect(found).toEqual([]);
  });
});
