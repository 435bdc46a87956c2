#!/usr/bin/env bash
# Builds and runs the whole suite: unit, integration on SQLite and PostgreSQL, web and browser tests.
# Installs what a fresh Debian 12 machine with only the .NET SDK lacks. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- System packages, only if missing ---------------------------------------------------------------
missing=()
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# TrueType CJK font: PDFsharp embeds only the glyphs used (a letter is ~60 KB instead of ~13 MB with Noto CFF).
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
# The serif (明体) face of official letters' PDF (GB/T 9704 body text), TrueType so PDFsharp embeds only the glyphs used.
dpkg -s fonts-arphic-uming >/dev/null 2>&1 || missing+=(fonts-arphic-uming)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "apt-get install ${missing[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# --- axe-core for the accessibility checks ------------------------------------------------------------
axe=tests/Gongkai.Tests/axe
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ]; then
  echo "== npm ci ($axe)"
  (cd "$axe" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# --- Build once ------------------------------------------------------------------------------------
# The whole solution; on a branch that lacks some of its projects, the test projects and what they reference.
targets=(Gongkai.slnx)
for p in $(grep -oE 'Path="[^"]+"' Gongkai.slnx | cut -d'"' -f2); do
  [ -f "$p" ] || { echo "(solution lists missing $p: building the test projects only)"; targets=(tests/*/*.csproj); break; }
done
echo "== dotnet build ${targets[*]}"
build_ok=1
for t in "${targets[@]}"; do
  dotnet build "$t" -c Release -nologo -v:q -clp:ErrorsOnly || build_ok=0
done
if [ "$build_ok" -ne 1 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- Run each test project (xunit v3 projects are executables) -----------------------------------------
passed=0
failed=0
logdir=$(mktemp -d)
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  dll="tests/$name/bin/Release/net10.0/$name.dll"
  echo "== $name"
  log="$logdir/$name.log"
  dotnet "$dll" -noColor -noLogo 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  # xunit v3: "<name>  Total: N, Errors: E, Failed: F, Skipped: S, Not Run: R, Time: ..."
  summary=$(grep -E "Total: [0-9]+, Errors: [0-9]+, Failed: [0-9]+, Skipped: [0-9]+, Not Run: [0-9]+" "$log" | tail -n1)
  if [ -z "$summary" ]; then
    echo "!! $name printed no summary (exit code $rc)"
    failed=$((failed + 1))
    continue
  fi
  num() { echo "$summary" | sed -E "s/.*$1: ([0-9]+).*/\1/"; }
  total=$(num Total); errors=$(num Errors); f=$(num Failed); skipped=$(num Skipped); notrun=$(num "Not Run")
  # A skipped or not-run test counts as a failure: nothing may hide.
  bad=$((f + skipped + notrun + errors))
  good=$((total - f - skipped - notrun))
  [ "$good" -lt 0 ] && good=0
  if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
    echo "!! $name exited with $rc"
    bad=1
  fi
  passed=$((passed + good))
  failed=$((failed + bad))
done
rm -rf "$logdir"

echo "$passed passed, $failed failed"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
