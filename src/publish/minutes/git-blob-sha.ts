import { createHash } from "node:crypto";

/** The SHA git gives a file's content (`git hash-object`), which GitHub reports as the file's `sha`. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
