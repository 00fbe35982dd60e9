#!/usr/bin/env bash
# `npm run test:postgres`: the integration and end-to-end suites against the
# local PostgreSQL server, each run on fresh databases, with a second app
# instance for the multi-instance test.
set -euo pipefail
cd "$(dirname "$0")/.."

export PG_ADMIN_URL="${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
if ! node -e "const {Client}=require('pg');const c=new Client({connectionString:process.env.PG_ADMIN_URL});c.connect().then(()=>c.end(),()=>process.exit(1))"; then
  echo "[test:postgres] PostgreSQL is not reachable at $PG_ADMIN_URL; trying to start the local cluster"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  sleep 2
fi

echo "[test:postgres] integration tests"
TEST_ENGINE=postgres npx vitest run --project integration

db="recall_e2e_$$"
psql_admin() { node -e "const {Client}=require('pg');const c=new Client({connectionString:process.env.PG_ADMIN_URL});c.connect().then(()=>c.query(process.argv[1])).then(()=>c.end(),e=>{console.error(e.message);process.exit(1)})" "$1"; }
psql_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
psql_admin "CREATE DATABASE \"$db\""
trap 'psql_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true' EXIT

echo "[test:postgres] end-to-end tests (two instances)"
E2E_DATABASE_URL="${PG_ADMIN_URL%/*}/$db" E2E_PORT=3110 E2E_SECOND_PORT=3111 npx playwright test
