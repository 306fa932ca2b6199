# syntax=docker/dockerfile:1
# node:lts is the current Node.js LTS line; CI and development run on Node >= 20.18 too.
# Build stage: compile TypeScript with the full dependency tree.
FROM node:lts-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund

# Runtime stage: production dependencies only (the large OpenAPI description is a dev dependency).
FROM node:lts-slim
ENV NODE_ENV=production
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
CMD ["node_modules/.bin/probot", "run", "./dist/app.js"]
