#!/usr/bin/env bash
# Prints the folder holding a Temporal server (`temporal-server`) and its SQL schema tool
# (`temporal-sql-tool`), for Temporal on PostgreSQL, the production topology. Their release binaries
# live outside the registries we reach, so they are built from Go modules into
# .tools/temporal-server-<version>/ the first time, and that folder is reused afterwards.
# v1.29.1 is the server the Temporal CLI v1.5.1 embeds (temporal-cli.sh), so the two builds share
# Go's build cache and the dev server and this one behave alike. The schema files are embedded in
# the SQL tool (`--schema-name postgresql/v12/temporal`), as in the admin-tools image.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION=v1.29.1
dir="$ROOT/.tools/temporal-server-$VERSION"

if [ -x "$dir/temporal-server" ] && [ -x "$dir/temporal-sql-tool" ]; then
  echo "$dir"
  exit 0
fi
command -v go >/dev/null || {
  echo "rhythm: no Go to build the Temporal server for Temporal on PostgreSQL with: install Go (https://go.dev/dl, or apt-get install golang)." >&2
  exit 1
}
echo "rhythm: building the Temporal server $VERSION and temporal-sql-tool with Go into .tools/temporal-server-$VERSION (first time only: 2 to 6 minutes on 2 cores, cached afterwards)…" >&2
start=$(date +%s)
# Built aside and renamed into place, so an interrupted or concurrent run never leaves half a folder.
partial="$dir.partial-$$"
trap 'rm -rf "$partial"' EXIT
rm -rf "$partial" && mkdir -p "$partial"
# Both packages in one `go install`: one module graph, the shared packages compiled once.
GOTOOLCHAIN=local GOBIN="$partial" GOFLAGS=-mod=mod go install \
  "go.temporal.io/server/cmd/server@$VERSION" "go.temporal.io/server/cmd/tools/sql@$VERSION" >&2 ||
  { echo "rhythm: building the Temporal server failed (see above)." >&2; exit 1; }
mv "$partial/server" "$partial/temporal-server"
mv "$partial/sql" "$partial/temporal-sql-tool"
# Another run may have finished first; its folder is as good as ours.
mv -T "$partial" "$dir" 2>/dev/null || [ -x "$dir/temporal-server" ]
echo "rhythm: Temporal server built in $(($(date +%s) - start)) s." >&2
echo "$dir"
