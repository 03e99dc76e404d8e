# msasim in a container (README.md, "Docker"): the README's set-up commands on Node 20 and
# Debian, the CLI as the entry point. The Kubernetes Job and the Slurm array of README.md's
# "Sharding a sweep over machines" run this image.
#   docker build -t msasim .
#   docker run --rm -v "$PWD/reports:/msasim/reports" msasim run scenarios/shop.yaml
# The RUN steps are exactly the set-up commands (src/docker.test.ts checks it): the lock file
# and .npmrc (engine-strict) are copied first so the dependency layer is rebuilt only when they
# change. The image keeps the dev dependencies (TypeScript builds dist/) and runs as root, as
# a batch tool writing into mounted folders.
FROM node:20-bookworm-slim
WORKDIR /msasim
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npm run build
ENTRYPOINT ["node", "bin/msasim"]
