#!/usr/bin/env bash
# Builds the binaries of the real Kubernetes test environment from their Go modules and caches
# them in <repo>/.cache/kube-testenv/bin (git-ignored):
#
#   kube-apiserver      k8s.io/kubernetes/cmd/kube-apiserver   (wrapper module, staging replaces)
#   etcd                go.etcd.io/etcd/server/v3              (the version kubernetes is tested with)
#   openchoreo-manager  github.com/openchoreo/openchoreo/cmd   (the OpenChoreo controller manager)
#   openchoreo-api      github.com/openchoreo/openchoreo/cmd/openchoreo-api   (its API server, whose
#                       authz evaluation the portal's decisions are compared with)
#
# Idempotent: a binary whose stamp file records the wanted version is not rebuilt (use --force).
# Usage: build-binaries.sh [--force] [kube-apiserver|etcd|openchoreo-manager|openchoreo-api ...]
# Environment: KUBE_TESTENV_CACHE (cache dir), KUBERNETES_VERSION, ETCD_VERSION, OPENCHOREO_VERSION.
set -euo pipefail

PKG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$PKG_DIR/../.." && pwd)"
CACHE_DIR="${KUBE_TESTENV_CACHE:-$REPO_ROOT/.cache/kube-testenv}"
BIN_DIR="$CACHE_DIR/bin"
WORK_DIR="$CACHE_DIR/gomod"

# k8s.io/* v0.36.2 is what github.com/openchoreo/openchoreo@v1.2.3 requires, and etcd v3.6.8 is
# what k8s.io/kubernetes@v1.36.2 requires.
KUBERNETES_VERSION="${KUBERNETES_VERSION:-v1.36.2}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.8}"
OPENCHOREO_VERSION="${OPENCHOREO_VERSION:-v1.2.3}"

log() { printf '[kube-testenv] %s\n' "$*" >&2; }
die() { printf '[kube-testenv] ERROR: %s\n' "$*" >&2; exit 1; }

FORCE=0
TARGETS=()
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    kube-apiserver | etcd | openchoreo-manager | openchoreo-api) TARGETS+=("$arg") ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) die "unknown argument '$arg' (expected --force, kube-apiserver, etcd, openchoreo-manager or openchoreo-api)" ;;
  esac
done
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(etcd kube-apiserver openchoreo-manager openchoreo-api)

command -v go >/dev/null 2>&1 ||
  die "'go' is not on PATH. Install Go >= 1.26 (https://go.dev/dl/), or point KUBEBUILDER_ASSETS at a directory with prebuilt kube-apiserver and etcd binaries."
GO_MINOR="$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')"
[ "${GO_MINOR:-0}" -ge 26 ] || die "Go $(go env GOVERSION) is too old; k8s.io/kubernetes $KUBERNETES_VERSION needs Go >= 1.26."

mkdir -p "$BIN_DIR" "$WORK_DIR"
# A go.work above the cache or a GOFLAGS=-mod=vendor would change what gets built.
export GOWORK=off
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod"

# Creates a throwaway main module at $WORK_DIR/$1 requiring "$2" and prints its directory.
# Extra lines (replace directives) come from stdin.
wrapper_module() {
  local dir="$WORK_DIR/$1" requirement="$2"
  mkdir -p "$dir"
  {
    printf 'module kubetestenv.local/%s\n\ngo 1.26\n\nrequire %s\n' "$1" "$requirement"
    cat
  } >"$dir/go.mod.new"
  # Keep go.sum and the tidied go.mod when nothing changed, so re-runs skip resolution.
  if ! cmp -s "$dir/go.mod.new" "$dir/go.mod.in" 2>/dev/null; then
    cp "$dir/go.mod.new" "$dir/go.mod.in"
    mv "$dir/go.mod.new" "$dir/go.mod"
    rm -f "$dir/go.sum"
  else
    rm "$dir/go.mod.new"
  fi
  printf '%s' "$dir"
}

# Runs `go build` and reports how long it took.
timed_build() {
  local name="$1" dir="$2" pkg="$3" ldflags="$4" start end
  log "building $name: (cd $dir && go build -trimpath -ldflags '$ldflags' -o $BIN_DIR/$name $pkg)"
  start=$(date +%s)
  if ! (cd "$dir" && go build -trimpath -ldflags "$ldflags" -o "$BIN_DIR/$name.tmp" "$pkg"); then
    rm -f "$BIN_DIR/$name.tmp"
    die "building $name from $pkg failed (see the go output above). Check access to the Go module proxy (GOPROXY=$(go env GOPROXY))."
  fi
  mv "$BIN_DIR/$name.tmp" "$BIN_DIR/$name"
  end=$(date +%s)
  log "built $name in $((end - start)) s ($(du -h "$BIN_DIR/$name" | cut -f1))"
}

up_to_date() {
  local name="$1" version="$2"
  [ "$FORCE" = 0 ] && [ -x "$BIN_DIR/$name" ] && [ "$(cat "$BIN_DIR/$name.version" 2>/dev/null)" = "$version" ]
}

build_kube_apiserver() {
  local version="$KUBERNETES_VERSION" staging minor gomod dir
  if up_to_date kube-apiserver "$version"; then
    log "kube-apiserver $version is up to date in $BIN_DIR"
    return
  fi
  # k8s.io/kubernetes points its staging modules (k8s.io/api, k8s.io/apiserver, ...) at
  # ./staging/src with `replace`, which a dependent module cannot see. Repeat each replace
  # with the published staging version v0.<minor>.<patch> instead.
  log "reading the staging replace directives of k8s.io/kubernetes@$version"
  local info
  if ! info="$(cd "$WORK_DIR" && GOFLAGS= go mod download -json "k8s.io/kubernetes@$version" 2>&1)"; then
    printf '%s\n' "$info" >&2
    die "could not download k8s.io/kubernetes@$version (see above). Check access to the Go module proxy (GOPROXY=$(go env GOPROXY))."
  fi
  gomod="$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  [ -f "$gomod" ] || die "go mod download k8s.io/kubernetes@$version gave no go.mod file: $info"
  staging="v0.${version#v1.}"
  dir="$(sed -n 's#^[[:space:]]*\(k8s\.io/[a-z0-9-]*\) => \./staging/src/.*#\1#p' "$gomod" |
    awk -v v="$staging" 'BEGIN { print "\nreplace (" } { printf "\t%s => %s %s\n", $1, $1, v } END { print ")" }' |
    wrapper_module apiserver "k8s.io/kubernetes $version")"
  minor="${version#v1.}"
  minor="${minor%%.*}"
  # Without these the binary calls itself v0.0.0-master; clients and the compatibility-version
  # logic read the version, so stamp the real one.
  local v=k8s.io/component-base/version
  timed_build kube-apiserver "$dir" k8s.io/kubernetes/cmd/kube-apiserver \
    "-s -w -X $v.gitVersion=$version -X $v.gitMajor=1 -X $v.gitMinor=$minor -X $v.gitTreeState=clean -X $v.buildDate=1970-01-01T00:00:00Z"
  printf '%s\n' "$version" >"$BIN_DIR/kube-apiserver.version"
}

build_etcd() {
  local version="$ETCD_VERSION" dir
  if up_to_date etcd "$version"; then
    log "etcd $version is up to date in $BIN_DIR"
    return
  fi
  dir="$(wrapper_module etcd "go.etcd.io/etcd/server/v3 $version" </dev/null)"
  timed_build etcd "$dir" go.etcd.io/etcd/server/v3 "-s -w"
  printf '%s\n' "$version" >"$BIN_DIR/etcd.version"
}

build_openchoreo_manager() {
  local version="$OPENCHOREO_VERSION" dir
  if up_to_date openchoreo-manager "$version"; then
    log "openchoreo-manager $version is up to date in $BIN_DIR"
    return
  fi
  # The module has no replace directives, so requiring it reproduces its own dependency versions.
  dir="$(wrapper_module openchoreo "github.com/openchoreo/openchoreo $version" </dev/null)"
  local v=github.com/openchoreo/openchoreo/internal/version
  timed_build openchoreo-manager "$dir" github.com/openchoreo/openchoreo/cmd \
    "-s -w -X $v.version=$version -X $v.componentName=manager"
  printf '%s\n' "$version" >"$BIN_DIR/openchoreo-manager.version"
}

build_openchoreo_api() {
  local version="$OPENCHOREO_VERSION" dir
  if up_to_date openchoreo-api "$version"; then
    log "openchoreo-api $version is up to date in $BIN_DIR"
    return
  fi
  # Same wrapper module as the manager, so both share resolution and build cache.
  dir="$(wrapper_module openchoreo "github.com/openchoreo/openchoreo $version" </dev/null)"
  # Requiring the module root does not record go.sum entries for the packages only this
  # command imports; `go get` on the command package adds them.
  log "resolving github.com/openchoreo/openchoreo/cmd/openchoreo-api@$version"
  (cd "$dir" && go get "github.com/openchoreo/openchoreo/cmd/openchoreo-api@$version") ||
    die "go get github.com/openchoreo/openchoreo/cmd/openchoreo-api@$version failed (see above). Check access to the Go module proxy (GOPROXY=$(go env GOPROXY))."
  local v=github.com/openchoreo/openchoreo/internal/version
  timed_build openchoreo-api "$dir" github.com/openchoreo/openchoreo/cmd/openchoreo-api \
    "-s -w -X $v.version=$version -X $v.componentName=openchoreo-api"
  printf '%s\n' "$version" >"$BIN_DIR/openchoreo-api.version"
}

log "cache: $BIN_DIR; Go: $(go env GOVERSION), module cache $(go env GOMODCACHE), build cache $(go env GOCACHE)"
for target in "${TARGETS[@]}"; do
  case "$target" in
    kube-apiserver) build_kube_apiserver ;;
    etcd) build_etcd ;;
    openchoreo-manager) build_openchoreo_manager ;;
    openchoreo-api) build_openchoreo_api ;;
  esac
done
log "done: $(cd "$BIN_DIR" && ls -1 | grep -v '\.version$' | tr '\n' ' ')"
