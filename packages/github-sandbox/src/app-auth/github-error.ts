/** An error answer in GitHub's shape. */
export function githubError(status: number, message: string): Response {
  return Response.json({ message, documentation_url: "https://docs.github.com/rest", status: String(status) }, { status });
}
