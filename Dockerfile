# The tracker as one image: the API and the built dashboard, served by one Node process.
# Used by docker-compose.yml (PostgreSQL, two of these, a reverse proxy); see README,
# "Running for many users". Without DATABASE_URL the container keeps an SQLite file in /app/data.
FROM node:22-bookworm-slim AS build
# better-sqlite3 compiles its native addon where no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

FROM node:22-bookworm-slim
# Fonts for the text of the PNG map images (DejaVu covers Arabic too).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "api/dist/server.js"]
