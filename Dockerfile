# syntax=docker/dockerfile:1
# node:lts is the current Node.js LTS line; CI and development run on Node 20.19 and later too (package.json, engines).
# Build stage: compile TypeScript with the full dependency tree. The command line's sandbox
# commands are typed against the sandbox workspace package, so it is built here too.
FROM node:lts-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY packages/github-sandbox/package.json packages/github-sandbox/tsconfig.json packages/github-sandbox/tsconfig.build.json ./packages/github-sandbox/
COPY packages/github-sandbox/src ./packages/github-sandbox/src
COPY src ./src
RUN npm ci --no-audit --no-fund

# Runtime stage: production dependencies only (the large OpenAPI description is a dev dependency).
# The sandbox workspace (packages/) is left out on purpose: npm counts a workspace as a production
# dependency whatever the root says, but installs no workspace it cannot find, nor what only that
# workspace needs (ajv, graphql, markdown-it...). Without it, the sandbox commands (demo, sandbox,
# preview --sandbox) say so and how to get it.
FROM node:lts-slim
# Listen on every interface (Probot's own default is localhost, unreachable from outside the
# container) and log one JSON object a line, for a log collector.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY templates ./templates
COPY workers ./workers
COPY app.yml schema.json ./
USER node
EXPOSE 3000
# Live when the server answers; readiness (GitHub and Redis answering) is /readyz, for an orchestrator.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs (src/server.ts); SIGTERM stops it.
CMD ["node", "dist/server.js"]
