#!/usr/bin/env bash
# Builds the portal for production and runs it as a deployment does: the
# backend bundle (it carries the built frontend, which app-backend serves)
# unpacked into a directory of its own and started there with
#
#   NODE_ENV=production node packages/backend \
#     --config app-config.yaml --config app-config.production.yaml
#
#   scripts/start-production.sh              build, unpack, start (in the foreground)
#   SKIP_BUILD=1 scripts/start-production.sh reuse the last build
#
# Set the environment variables app-config.production.yaml reads first
# (README, "Sign-in"): AUTH_SESSION_SECRET, OIDC_METADATA_URL, OIDC_CLIENT_ID,
# OIDC_CLIENT_SECRET, POSTGRES_HOST/PORT/USER/PASSWORD and a Choreo source
# (CHOREO_SOURCE_TYPE=kubernetes with CHOREO_KUBECONFIG or CHOREO_IN_CLUSTER,
# or CHOREO_SOURCE_TYPE=directory with CHOREO_GITOPS_DIR).
#
# The directory (PRODUCTION_DIR, default .cache/production) is laid out like
# the /app of an image built from the bundle: the unpacked bundle and
# skeleton, both config files, templates/ and the org file
# (examples/backstage-org.yaml). It is the backend's working directory, so
# relative paths in the config start there. Instead of a second `yarn install`
# (native modules build for minutes here), its node_modules links to this
# clone's installed packages; the workspace packages among them point at the
# bundle's built copies.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh

repo="$PWD"
dir="${PRODUCTION_DIR:-.cache/production}"
log() { printf 'start-production: %s\n' "$*" >&2; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building: yarn build:backend (the backend bundle, and the app and plugins it depends on)"
  started=$(date +%s)
  yarn build:backend >&2
  log "built in $(($(date +%s) - started))s"
fi
for file in skeleton bundle; do
  if [ ! -f "packages/backend/dist/$file.tar.gz" ]; then
    log "packages/backend/dist/$file.tar.gz is missing; run without SKIP_BUILD=1"
    exit 1
  fi
done

rm -rf "$dir"
mkdir -p "$dir"
tar xzf packages/backend/dist/skeleton.tar.gz -C "$dir"
tar xzf packages/backend/dist/bundle.tar.gz -C "$dir"
cp app-config.yaml app-config.production.yaml "$dir/"
cp -R templates "$dir/templates"
mkdir -p "$dir/examples"
cp examples/backstage-org.yaml "$dir/examples/"

# node_modules: every installed package, linked. Yarn links workspace packages
# with relative links (../plugins/x), so copied as they are they land on the
# bundle's built copies in $dir (and dangle for packages the bundle leaves out).
link_package() {
  local entry="$1" target="$2"
  if [ -L "$entry" ]; then
    cp -P "$entry" "$target"
  else
    ln -s "$entry" "$target"
  fi
}
mkdir "$dir/node_modules"
for entry in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  name="$(basename "$entry")"
  if [[ "$name" == @* ]] && [ -n "$(find "$entry" -maxdepth 1 -type l -print -quit)" ]; then
    # a scope holding workspace packages (@choreo-for-backstage, @internal)
    mkdir "$dir/node_modules/$name"
    for package in "$entry"/*; do
      link_package "$package" "$dir/node_modules/$name/$(basename "$package")"
    done
  else
    link_package "$entry" "$dir/node_modules/$name"
  fi
done

log "starting the backend in $dir (NODE_ENV=production)"
cd "$dir"
export NODE_ENV=production
exec node packages/backend --config app-config.yaml --config app-config.production.yaml
