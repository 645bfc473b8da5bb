#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs what the tests need, builds once, runs each test
# project, and ends with one plain line "N passed, N failed" summed over all of them. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

results="TestResults"
rm -rf "$results"
mkdir -p "$results"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

# ensure COMMAND "DEBIAN PACKAGES" "WHY": installs the packages with apt when the command is missing.
ensure() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "== installing $2 ($3)"
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq $2 >/dev/null
  else
    echo "'$1' is required: $3. Install the Debian packages: $2." >&2
    exit 1
  fi
}

ensure npm "nodejs npm" "the server's build bundles the SignalR JavaScript client from npm"
ensure chromium chromium "the browser tests drive Debian's Chromium headless; no test tool downloads a browser of its own"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== PostgreSQL (a private instance on 127.0.0.1 for the cluster tests, stopped at the end)"
# An instance that was already running (a developer's, tests/postgres.sh start) is left running at the end.
if ! tests/postgres.sh status; then
  trap 'tests/postgres.sh stop || true' EXIT
fi
NEGOTIATIONGAME_TEST_POSTGRES="$(tests/postgres.sh start)"
export NEGOTIATIONGAME_TEST_POSTGRES

echo "== front-end packages"
(cd tests/NegotiationGame.Host.Tests/node && npm ci --no-audit --no-fund --loglevel=error)

echo "== build"
dotnet build NegotiationGame.sln --nologo -v quiet

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  if ! dotnet test "$project" --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results"; then
    status=1
  fi
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "$passed" -eq 0 ]; then
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
