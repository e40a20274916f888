#!/bin/sh
# Creates Rhythm's Temporal namespace when it is missing and registers Rhythm's custom search
# attributes on it. Idempotent: docker compose runs it on every `up`; against a self-hosted
# cluster (the Helm chart) run it before a deploy (deploy/README.md). Needs the `temporal` CLI,
# which reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and, for TLS, TEMPORAL_TLS_CERT/KEY itself.
#   TEMPORAL_NAMESPACE            default "default"
#   TEMPORAL_NAMESPACE_RETENTION  history kept after a workflow closes, for a new namespace; 30d
#   SETUP_WAIT_SECONDS            how long to wait for the server and for each step; 120
# The attributes below are libs/domain/src/contracts/search-attributes.ts's (a deploy test checks).
set -eu

namespace="${TEMPORAL_NAMESPACE:-default}"
wait_seconds="${SETUP_WAIT_SECONDS:-120}"
attributes="RhythmTeamId:Keyword RhythmSessionDate:Datetime RhythmSessionKind:Keyword RhythmNextSendAt:Datetime RhythmState:Keyword"

say() { echo "temporal-setup: $*" >&2; }
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

# Runs "$@" until it succeeds, for up to wait_seconds: the frontend accepts connections before it
# serves, and a new namespace takes a moment to reach every server's cache. Never from stdin, which
# may be this script itself (`sh -s < setup-namespace.sh`).
retry() {
  waited=0
  until "$@" </dev/null >"$out" 2>&1; do
    if [ "$waited" -ge "$wait_seconds" ]; then
      cat "$out" >&2
      return 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

retry temporal operator cluster health || { say "Temporal at ${TEMPORAL_ADDRESS:-127.0.0.1:7233} did not become healthy in ${wait_seconds}s"; exit 1; }

namespace_exists() { temporal operator namespace describe --namespace "$namespace" </dev/null >/dev/null 2>&1; }
# A create whose answer was lost may have worked: then the namespace exists, and that will do.
create_namespace() {
  temporal operator namespace create --namespace "$namespace" --retention "${TEMPORAL_NAMESPACE_RETENTION:-30d}" || namespace_exists
}

if namespace_exists; then
  say "namespace $namespace exists"
else
  retry create_namespace || { say "could not create namespace $namespace"; exit 1; }
  say "namespace $namespace created"
fi

for attribute in $attributes; do
  name="${attribute%%:*}"
  type="${attribute#*:}"
  # Creating one that exists with the same type succeeds; with another type it fails (and stays failed).
  retry temporal operator search-attribute create --namespace "$namespace" --name "$name" --type "$type" ||
    { say "could not register search attribute $name ($type) on $namespace"; exit 1; }
done
say "search attributes on $namespace: $attributes"
