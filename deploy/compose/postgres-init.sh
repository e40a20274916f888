#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume (the image runs
# /docker-entrypoint-initdb.d/*.sh as the superuser). Gives Rhythm and Temporal a login role each,
# owning their own databases, so neither service runs as the superuser.
set -eu

psql --set=ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set=rhythm_user="$RHYTHM_DB_USER" --set=rhythm_password="$RHYTHM_DB_PASSWORD" --set=rhythm_db="$RHYTHM_DB_NAME" \
  --set=temporal_user="$TEMPORAL_DB_USER" --set=temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE :"rhythm_user" LOGIN PASSWORD :'rhythm_password';
CREATE DATABASE :"rhythm_db" OWNER :"rhythm_user";
CREATE ROLE :"temporal_user" LOGIN PASSWORD :'temporal_password';
-- Temporal's schema tool fills these (temporal-schema.sh); their names are Temporal's defaults.
CREATE DATABASE temporal OWNER :"temporal_user";
CREATE DATABASE temporal_visibility OWNER :"temporal_user";
SQL
