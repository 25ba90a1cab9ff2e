#!/usr/bin/env bash
# Installs PostgreSQL 15 + PostGIS 3 (Debian), starts the server on 127.0.0.1:5432 and
# creates the database gmgeo_test with PostGIS and a small table, for the PostGIS tests.
# Prints the GDAL connection string on stdout. Idempotent; needs root.
set -euo pipefail
if ! dpkg-query -W -f='${Status}' postgresql-15-postgis-3 2>/dev/null | grep -q "install ok installed"; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 >/dev/null
fi
# The daemon must not keep our stdout (the caller reads it to the end).
pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start </dev/null >&2
for _ in $(seq 1 30); do runuser -u postgres -- pg_isready -q && break; sleep 1; done
psql_() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }
psql_ -c "ALTER USER postgres PASSWORD 'gmgeo'" >/dev/null
psql_ -tc "SELECT 1 FROM pg_database WHERE datname = 'gmgeo_test'" | grep -q 1 || psql_ -c "CREATE DATABASE gmgeo_test"
psql_ -d gmgeo_test <<'SQL' >/dev/null
SET client_min_messages TO WARNING;
CREATE EXTENSION IF NOT EXISTS postgis;
DROP TABLE IF EXISTS green;
CREATE TABLE green (id serial PRIMARY KEY, name_zh text, class text, geom geometry(Polygon, 4547));
INSERT INTO green (name_zh, class, geom) VALUES
  ('虹桥公园', 'park', ST_GeomFromText('POLYGON ((494500 2516500, 495500 2516500, 495500 2517500, 494500 2517500, 494500 2516500))', 4547)),
  ('大顶岭', 'forest', ST_GeomFromText('POLYGON ((492000 2519000, 493000 2519000, 493000 2520000, 492000 2520000, 492000 2519000))', 4547));
SQL
echo "PG:host=127.0.0.1 port=5432 user=postgres password=gmgeo dbname=gmgeo_test"
