#!/usr/bin/env bash
# Screenshots of the Capture perspective during a capture session, for docs/images/.
# Runs the whole-app UI tests CaptureLoopTest, StationStructureTest and TaskDialogTest under Xvfb (the real
# workbench on the simulated station), which save PNGs of the window (while it records; the station editor; the task
# editor), then copies them to docs/images/.
# Usage (from the repository root): releng/scripts/screenshots.sh [extra maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }

modules="target-platform"
for b in bundles/dev.demoforge.*; do
  case "$b" in *.cli) ;; *) modules="$modules,$b" ;; esac
done
shots="tests/dev.demoforge.ui.tests/target/screenshots"
rm -rf "$shots"
xvfb-run -a -s "-screen 0 1280x800x24" ./mvnw -B verify "$@" -pl "$modules,tests/dev.demoforge.ui.tests" \
  -Dtest=CaptureLoopTest,StationStructureTest,TaskDialogTest -Dsurefire.failIfNoSpecifiedTests=false
mkdir -p docs/images
for png in capture-session.png capture-plots.png capture-done.png station-editor.png task-dialog.png; do
  [ -s "$shots/$png" ] || { echo "screenshots.sh: the test saved no $png" >&2; exit 1; }
  cp "$shots/$png" "docs/images/$png"
done
echo "screenshots.sh: copied $(ls "$shots" | grep -c '^capture-\|^station-\|^task-') screenshots to docs/images/"
