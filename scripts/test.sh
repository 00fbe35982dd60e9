#!/usr/bin/env bash
# `npm test`: lint (ESLint), type check, unit + integration tests (Vitest, real SQLite files),
# then end-to-end tests (Playwright on Debian's Chromium, production build).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[test] installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "[test] Chromium is missing at $CHROMIUM: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH), then npm test again." >&2
    exit 1
  fi
fi

echo "[test] lint"
npm run --silent lint

echo "[test] type check"
npx tsc --noEmit

echo "[test] unit and integration tests"
npx vitest run

echo "[test] end-to-end tests"
rm -f data/e2e-*.db data/e2e-*.db-wal data/e2e-*.db-shm
npx playwright test

# The per-address limit behind a reverse proxy: the same spec's describe
# against a server that trusts one proxy hop (its own port and database).
echo "[test] per-address limit with TRUST_PROXY=1"
TRUST_PROXY=1 E2E_PORT="${E2E_TRUST_PROXY_PORT:-$(( ${E2E_PORT:-3100} + 1 ))}" npx playwright test tests/e2e/security.spec.ts --grep "per-address limit"
