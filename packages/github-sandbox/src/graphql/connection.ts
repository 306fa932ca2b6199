import { GraphQLError } from "graphql";

// GitHub's cursor pagination: `first`/`after` or `last`/`before`, at most 100 records a page.

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const MAX_PAGE = 100;

function cursorOf(index: number): string {
  return Buffer.from(`cursor:${index + 1}`).toString("base64");
}

/** A page of `items` as GitHub's `...Connection` type; `field` names the connection in errors, as GitHub does. */
export function connection<T>(items: T[], args: ConnectionArgs, field: string, totalCount = items.length) {
  const { first, last } = args;
  if ((first ?? null) === null && (last ?? null) === null) {
    throw new GraphQLError(`You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`);
  }
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value !== undefined && value !== null && (value < 0 || value > MAX_PAGE)) {
      throw new GraphQLError(
        `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
      );
    }
  }
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : items.length;
  end = Math.min(Math.max(end, start), items.length);
  if (first !== undefined && first !== null) end = Math.min(end, start + first);
  if (last !== undefined && last !== null) start = Math.max(start, end - last);
  const edges = items.slice(start, end).map((node, offset) => ({ cursor: cursorOf(start + offset), node }));
  return {
    totalCount,
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function indexOf(cursor: string): number {
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match) throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(match[1]) - 1;
}
