#!/usr/bin/env bash
# The vendor path, end to end, against the freshly built product (run by tests/e2e/run.sh as check "driver-sdk"):
#   1. copy examples/driver-template out of the source tree, as a vendor would;
#   2. build it offline against the product's p2 repository (SDK feature dev.demoforge.sdk): compile, run its
#      conformance tests against its emulator, build its feature and its own p2 repository;
#   3. ./demoforge install --repository <its repository> into a private DEMOFORGE_HOME, check that the product then
#      registers the driver (devices list: "Drivers: ... example.linesensor"), --list it, --remove it.
# Usage: driver-template.sh WORKDIR. Prints the build's duration; exits non-zero on the first failure.
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}  # Tycho 5 needs Java 21+
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$1
sdk="$root/releng/dev.demoforge.product/target/repository"
[ -f "$sdk/content.jar" ] || [ -f "$sdk/content.xml.xz" ] || { echo "no SDK repository at $sdk"; exit 1; }
rm -rf "$work/template"
cp -r "$root/examples/driver-template" "$work/template"
find "$work/template" -name target -type d -prune -exec rm -rf {} +
start=$(date +%s)
(cd "$work/template" && "$root/mvnw" -B -o verify "-Ddemoforge.sdk.repository=file:$sdk") >"$work/template-build.log" 2>&1 \
  || { tail -n 60 "$work/template-build.log"; exit 1; }
echo "template built and tested offline in $(( $(date +%s) - start )) s"
grep -a "Tests run:" "$work/template-build.log" | tail -n 1
grep -aq "Tests run: [1-9][0-9]*, Failures: 0, Errors: 0" "$work/template-build.log" || { echo "no passing tests"; exit 1; }
repo="$work/template/repository/target/repository"
ls "$repo"/plugins/com.example.demoforge.linesensor_*.jar >/dev/null

export DEMOFORGE_HOME="$work/vendor-home" DEMOFORGE_NO_BUILD=1
out=$("$root/demoforge" install --repository "$repo")
echo "$out"
grep -q "^installed com.example.demoforge.linesensor " <<<"$out"
"$root/demoforge" install --list | grep -q "^com.example.demoforge.linesensor 1.0.0"
out=$("$root/demoforge" devices list)
grep "^Drivers:" <<<"$out"
grep -q "^Drivers: .*example.linesensor" <<<"$out" || { echo "installed driver not registered"; exit 1; }
"$root/demoforge" install --remove com.example.demoforge.linesensor
out=$("$root/demoforge" devices list)
if grep -q "example.linesensor" <<<"$out"; then
  echo "driver still registered after --remove"
  exit 1
fi
out=$("$root/demoforge" install --repository "$work" 2>&1) && { echo "a non-repository was accepted"; exit 1; }
grep -q "is not a p2 repository directory" <<<"$out"
