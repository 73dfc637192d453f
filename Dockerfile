# syntax=docker/dockerfile:1
# Build stage: native modules (better-sqlite3, hnswlib-node) compile here, the UI bundles are built,
# and the embedding model is fetched when the build has internet (optional: lexical mode without it).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY app/cli/tune-native.mjs app/cli/
# The image may run on other CPUs than the one building it: keep hnswlib's portable build (app/cli/tune-native.mjs).
ENV PARLEY_PORTABLE_NATIVE=1
RUN sed -i '/^nodedir=/d' .npmrc && npm ci --no-audit --no-fund
COPY . .
RUN npm run build:ui && (npm run models:fetch || echo "no model fetched: Parley runs in lexical retrieval mode")
# The static embedding table (2.3 MB, ~40 s) so EMBEDDING_MODEL=static works offline; opt-in at run time.
RUN npm run models:distil || echo "no static embedding table: EMBEDDING_MODEL=static will run lexical"
RUN npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data MODELS_DIR=/app/models
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data /app/models && chown node:node /data /app/models
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--disable-warning=PINODEP008", "--import", "tsx", "app/main.ts"]
