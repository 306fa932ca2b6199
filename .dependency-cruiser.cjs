// The rooms of src/ and the one direction of their arrows (README, "How it works"). A module may
// import from its own room and from the rooms below it, never from a room above it, never from a
// sibling room, and never in a cycle. test/architecture/import-rules.test.ts keeps this true.
const ROOMS = [
  ["ground", "^src/(model|github|errors|log)\\.ts$"],
  ["config", "^src/config/"],
  ["schedule", "^src/schedule/"],
  ["collect", "^src/collect/"],
  ["agenda", "^src/agenda/"],
  ["render", "^src/render/"],
  ["publish", "^src/publish/"],
  ["operations", "^src/operations/"],
  ["commands", "^src/commands/", "ring"],
  ["scheduler", "^src/scheduler/", "ring"],
  ["registry", "^src/registry/", "ring"],
  ["app", "^src/app/"],
  ["cli", "^src/cli/", "top"],
  ["action", "^src/action/", "top"],
  ["entries", "^src/(app|cli|action|server)\\.ts$"],
];

// Neighbouring rooms of one kind (the rings commands, scheduler, registry; the tops cli, action)
// share a rank: they are siblings. Every other room is one rank above the room before it.
const RANKS = ROOMS.reduce((ranks, [, , kind], index) => {
  const sibling = index > 0 && kind !== undefined && ROOMS[index - 1][2] === kind;
  return [...ranks, index === 0 ? 0 : ranks[index - 1] + (sibling ? 0 : 1)];
}, []);
const rank = (index) => RANKS[index];

const upward = [];
ROOMS.forEach(([name, path], index) => {
  const above = ROOMS.filter((_, other) => other !== index && (rank(other) > rank(index) || (rank(other) === rank(index) && other !== index)));
  if (above.length === 0) return;
  upward.push({
    name: `no-upward-from-${name}`,
    comment: `${name} may import only from its own room and the rooms below it: ${above.map(([n]) => n).join(", ")} are above it or beside it.`,
    severity: "error",
    from: { path },
    to: { path: above.map(([, p]) => p) },
  });
});

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "no-circular",
      comment: "A cycle makes two modules one; break it by moving the shared piece down.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "sandbox-only-where-named",
      comment: "The sandbox is a test double: only the CLI's demo, sandbox and preview --sandbox load it (on demand), and tests.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/load-sandbox\\.ts$" },
      // A type-only import is erased from the built code: it loads nothing.
      to: { path: "(^|/)github-sandbox(/|$)", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/|^packages/" },
    exclude: { path: "(^|/)node_modules/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".js", ".d.ts"], exportsFields: ["exports"], conditionNames: ["agenda-drafter-source", "import", "types", "default"] },
  },
};
