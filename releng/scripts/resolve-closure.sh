#!/usr/bin/env bash
# Resolves the runtime closure of the target platform's root artifacts from Maven Central and prints it as
# <dependency> lines for target-platform/demoforge.target (one pinned version per artifact).
# Usage: releng/scripts/resolve-closure.sh releng/scripts/platform-roots.txt
# The roots file lists groupId:artifactId:version, one per line. Maven's nearest-wins rule can pick an older
# version of a bundle that another root pulls in (NatTable pulled core.commands 3.9.700): pin such bundles as
# roots too, then compare the printed closure with the .target before replacing it.
set -euo pipefail
roots=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
  echo '<groupId>closure</groupId><artifactId>closure</artifactId><version>1</version><dependencies>'
  grep -v '^\s*\(#\|$\)' "$roots" | while IFS=: read -r g a v; do
    echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
  done
  echo '</dependencies></project>'
} > "$work/pom.xml"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
"$root/mvnw" -q -f "$work/pom.xml" dependency:list -DoutputFile="$work/deps.txt" -DincludeScope=runtime >&2
sed 's/\x1b\[[0-9;]*m//g' "$work/deps.txt" | grep -E '^\s+\S+:\S+' | awk '{print $1}' | sort -u |
  awk -F: '{printf "        <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><type>jar</type></dependency>\n", $1, $2, $4}'
