// GitHub's page-based pagination: `per_page` (default 30, at most 100) and `page`, with a `Link`
// header pointing back at the server the request came to.

export interface Page {
  perPage: number;
  page: number;
}

export function readPage(query: URLSearchParams, defaultPerPage = 30): Page {
  const perPage = Number(query.get("per_page") ?? defaultPerPage);
  const page = Number(query.get("page") ?? 1);
  return {
    perPage: Math.min(Math.max(Number.isInteger(perPage) && perPage > 0 ? perPage : defaultPerPage, 1), 100),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** One page of `items` as the request asks for it, with the headers to send it with (a `Link` when there are more pages). */
export function paginate<T>(request: { query: URLSearchParams; url: URL }, items: T[]): { items: T[]; headers: Record<string, string> | undefined } {
  const page = readPage(request.query);
  const link = linkHeader(request.url, page, items.length);
  return { items: pageOf(items, page), headers: link ? { link } : undefined };
}

export function pageOf<T>(items: T[], page: Page): T[] {
  return items.slice((page.page - 1) * page.perPage, page.page * page.perPage);
}

/** The `Link` header for `page` of `total` items, or undefined when everything fits on one page. */
export function linkHeader(url: URL, page: Page, total: number): string | undefined {
  const last = Math.max(1, Math.ceil(total / page.perPage));
  if (last === 1 && page.page === 1) return undefined;
  const to = (number: number) => {
    const target = new URL(url);
    target.searchParams.set("page", String(number));
    return `<${target.href}>`;
  };
  const links: string[] = [];
  if (page.page > 1) links.push(`${to(Math.min(page.page - 1, last))}; rel="prev"`);
  if (page.page < last) links.push(`${to(page.page + 1)}; rel="next"`, `${to(last)}; rel="last"`);
  if (page.page > 1) links.push(`${to(1)}; rel="first"`);
  return links.join(", ");
}
