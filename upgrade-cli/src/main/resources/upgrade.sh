#!/usr/bin/env bash
#
# upgrade: the launcher of the Juniper Upgrade Platform's client, served by the platform's intake at /upgrade:
#
#   bash <(curl -s http://<intake>/upgrade) test -d mydb -t 17.0
#
# It keeps the client (upgrade-cli.jar) in ~/.cache/juniper-upgrade/, fetches it again from the same intake whenever
# it changed there, and runs it with Java 17 or newer. Every argument goes to the client: try `--help`.
#
set -euo pipefail

# Intake writes its own address here when it serves this script; JUNIPER_UPGRADE_URL overrides it.
SERVED_FROM='@INTAKE_URL@'
INTAKE_URL="${JUNIPER_UPGRADE_URL:-$SERVED_FROM}"

die() {
  printf 'upgrade: %s\n' "$*" >&2
  exit 1
}

[[ "$INTAKE_URL" == http*://* ]] || die "the platform's address is unknown: fetch this script from the platform" \
  "(bash <(curl -s http://<intake>/upgrade) ...) or set JUNIPER_UPGRADE_URL=http://<intake>"
INTAKE_URL="${INTAKE_URL%/}"

command -v java >/dev/null || die "Java 17 or newer is needed: install it with 'sudo apt install" \
  "openjdk-17-jre-headless' (Debian, Ubuntu), 'sudo dnf install java-17-openjdk-headless' (Fedora, RHEL) or" \
  "'brew install openjdk@17' (macOS)"
java_version="$(java -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
java_major="${java_version%%.*}"
if ! [[ "$java_major" =~ ^[0-9]+$ ]] || ((java_major < 17)); then
  die "Java ${java_version:-of unknown version} is too old: the client needs Java 17 or newer (for example" \
    "'sudo apt install openjdk-17-jre-headless')"
fi

cache="${XDG_CACHE_HOME:-$HOME/.cache}/juniper-upgrade"
jar="$cache/upgrade-cli.jar"
mkdir -p "$cache"
# -z asks for the jar only if it is newer than the cached one (If-Modified-Since); 304 leaves the cache as it is.
# The ${a[@]+...} form keeps an empty array legal under set -u in macOS's bash 3.2.
time_condition=()
[[ -f "$jar" ]] && time_condition=(-z "$jar")
if status="$(curl -sS -f -R ${time_condition[@]+"${time_condition[@]}"} -o "$jar.part" -w '%{http_code}' \
  "$INTAKE_URL/upgrade/upgrade-cli.jar")"; then
  if [[ "$status" == 200 ]]; then
    mv -f "$jar.part" "$jar"
  fi
  rm -f "$jar.part"
elif [[ -f "$jar" ]]; then
  rm -f "$jar.part"
  printf 'upgrade: warning: could not fetch the client from %s; using the cached one\n' "$INTAKE_URL" >&2
else
  rm -f "$jar.part"
  die "could not fetch the client from $INTAKE_URL/upgrade/upgrade-cli.jar; check the address and the network"
fi

JUNIPER_UPGRADE_URL="$INTAKE_URL" exec java -jar "$jar" "$@"
