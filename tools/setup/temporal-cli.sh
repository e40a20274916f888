#!/usr/bin/env bash
# Prints the path of a Temporal CLI: `temporal` on PATH, else $TEMPORAL_CLI_PATH, else one built
# from source with Go into .tools/bin (the release binaries live outside the registries we reach).
# v1.5.1 is the last tag installable with `go install`: later ones carry a `replace` directive.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION=v1.5.1
built="$ROOT/.tools/bin/temporal"

if command -v temporal >/dev/null; then
  command -v temporal
  exit 0
fi
if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
  [ -x "$TEMPORAL_CLI_PATH" ] || { echo "rhythm: TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file." >&2; exit 1; }
  echo "$TEMPORAL_CLI_PATH"
  exit 0
fi
if [ -x "$built" ] && [ "$(cat "$built.version" 2>/dev/null)" = "$VERSION" ]; then
  echo "$built"
  exit 0
fi
command -v go >/dev/null || {
  echo "rhythm: no Temporal CLI: put \`temporal\` on PATH, set TEMPORAL_CLI_PATH to one, or install Go (https://go.dev/dl, or apt-get install golang) so it can be built." >&2
  exit 1
}
echo "rhythm: building the Temporal CLI $VERSION with Go into .tools/bin (first time only: several minutes on 2 cores, cached afterwards)…" >&2
start=$(date +%s)
mkdir -p "$ROOT/.tools/bin"
GOTOOLCHAIN=local GOBIN="$ROOT/.tools/bin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$VERSION" >&2 ||
  { echo "rhythm: building the Temporal CLI failed (see above); set TEMPORAL_CLI_PATH to a temporal binary instead." >&2; exit 1; }
echo "$VERSION" >"$built.version"
echo "rhythm: Temporal CLI built in $(($(date +%s) - start)) s." >&2
echo "$built"
