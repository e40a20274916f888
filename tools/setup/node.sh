# Sourced by ./rhythm. Makes Node 24 the `node` on PATH and installs the npm packages.
# shellcheck shell=bash

RHYTHM_NODE_VERSION=24.21.0 # Node 24 LTS; .nvmrc and package.json#engines say the same major.

say() { printf 'rhythm: %s\n' "$*" >&2; }
fail() { printf 'rhythm: %s\n' "$*" >&2; exit 1; }

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# The machine's Node when it is 24 or newer; otherwise the official binary from the npm package
# node-linux-<arch>@24 (npm is the one registry every machine here reaches), kept in .tools/node.
ensure_node() {
  local tools="$ROOT/.tools/node"
  if [ -x "$tools/bin/node" ] && [ "$(cat "$tools/.version" 2>/dev/null)" = "$RHYTHM_NODE_VERSION" ]; then
    export PATH="$tools/bin:$PATH"
    return
  fi
  if command -v node >/dev/null && [ "$(node_major)" -ge 24 ]; then
    return
  fi
  command -v npm >/dev/null || fail "Node.js 24 is needed and there is no npm to fetch it with: install Node.js 24 (https://nodejs.org) or any Node with npm, then run this again."
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) fail "Node.js 24 is needed and there is no npm build for $(uname -m): install Node.js 24 yourself and put it on PATH." ;;
  esac
  say "installing Node.js $RHYTHM_NODE_VERSION from the npm package node-linux-$arch into .tools/node (first time only)…"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$RHYTHM_NODE_VERSION" >/dev/null) ||
    fail "could not fetch node-linux-$arch@$RHYTHM_NODE_VERSION from the npm registry: check npm's registry access, or install Node.js 24 yourself."
  rm -rf "$tools" && mkdir -p "$tools"
  tar xzf "$tmp"/node-linux-*.tgz -C "$tools" --strip-components=1
  rm -rf "$tmp"
  echo "$RHYTHM_NODE_VERSION" >"$tools/.version"
  export PATH="$tools/bin:$PATH"
  [ "$(node_major)" -ge 24 ] || fail "the Node.js in .tools/node does not run on this machine."
}

# `npm ci` when node_modules is missing or older than package-lock.json. npm 11 runs only the
# install scripts that package.json#allowScripts allows.
ensure_npm_packages() {
  local stamp="$ROOT/node_modules/.rhythm-lock" want
  want="$(node -v) $(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return
  fi
  say "installing npm packages (npm ci)…"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed (see above)."
  echo "$want" >"$stamp"
}
