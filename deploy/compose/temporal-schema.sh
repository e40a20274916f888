#!/bin/sh
# Brings Temporal's two databases (made by postgres-init.sh) to the schema of this admin-tools
# image's version, which is the server's. Idempotent: setup-schema only creates the version
# tables when missing and update-schema applies only newer versions, so it runs on every `up`
# and upgrades the schema when TEMPORAL_VERSION goes up. temporal-sql-tool reads SQL_PASSWORD.
set -eu

for store in temporal:temporal visibility:temporal_visibility; do
  schema="${store%%:*}"
  database="${store#*:}"
  sql() { temporal-sql-tool --plugin postgres12 --endpoint postgres --port 5432 --user "$SQL_USER" --database "$database" "$@"; }
  sql setup-schema --version 0.0
  sql update-schema --schema-name "postgresql/v12/$schema"
  echo "temporal-schema: $database is up to date" >&2
done
