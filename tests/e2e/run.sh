#!/usr/bin/env bash
# End-to-end tests of the materialized product, run by the product module in the integration-test phase:
#   demo            ./demoforge demo records, checks and exports; independent readers (hyparquet, ffprobe) verify
#   quality         ./demoforge quality checks the demo's episodes; --report scores them against the sim's truth
#   kill-recovery   a recording process killed with SIGKILL is recovered on the next start, readable by ffprobe
#                   and @mcap/core
#   disk-full       recording onto a full filesystem stops with a clear message; the next start repairs the episode
#   devices-*       devices list shows a pty given by --port; devices probe finds the ids, models and positions of
#                   servos answered by tests/e2e/servo_emulator.py (Python, written apart from the Java drivers) over
#                   a socat pty pair; a missing port gives a clear message and exit code 1
#   hdf5            the demo's episodes exported as aloha-hdf5 (raw and JPEG) and robomimic, checked with h5py
#                   (tests/readers/hdf5-check.py, Debian's python3-h5py)
#   rlds-mcap       the demo's episodes exported as rlds (TFDS shards, checked by tests/readers/rlds-check.py: both
#                   CRCs, Example protos, features.json) and mcap (lz4 chunks; tests/readers/mcap-foxglove-check.mjs:
#                   @mcap/core, @foxglove/wasm-lz4, protobufjs); both exports hold the same steps and states
#   bad-input       bad verbs, options, formats and paths give a clear message and exit code 2
# Prints one line per check and a closing "e2e: N passed, N failed"; exits non-zero if any failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/demoforge-e2e.XXXXXX")
export DEMOFORGE_NO_BUILD=1
passed=0
failed=0

check() {  # check NAME COMMAND... : runs the command, records pass/fail
  local name=$1
  shift
  if "$@" >"$work/$name.log" 2>&1; then
    passed=$((passed + 1))
    echo "e2e PASS $name"
  else
    failed=$((failed + 1))
    echo "e2e FAIL $name"
    sed 's/^/    /' "$work/$name.log" | tail -n 40
  fi
}

demo() {
  "$root/demoforge" demo --episodes 3 --seconds 8 --workspace "$work/ws" --out "$work/lerobot" || return 1
  node "$root/tests/readers/lerobot-check.mjs" "$work/lerobot"
}

quality() {  # the demo's episodes: checks with reasons, stored in the catalog; the report against the sim's truth
  "$root/demoforge" quality --workspace "$work/ws" | tee "$work/quality.txt" || return 1
  grep -q "^3 episodes checked$" "$work/quality.txt" || { echo "not 3 episodes checked"; return 1; }
  grep -q "released inside the target region" "$work/quality.txt" || { echo "no successful release"; return 1; }
  "$root/demoforge" quality --report --json --workspace "$work/ws" >"$work/quality-report.json" || return 1
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (r.scored + r.skipped !== 3 || r.checks.length !== 3) { console.log(r); process.exit(1); }' \
    "$work/quality-report.json"
}

hdf5_exports() {  # needs the demo's workspace (accepted episodes)
  local py=/usr/bin/python3 chk="$root/tests/readers/hdf5-check.py" ws=(--workspace "$work/ws")
  "$root/demoforge" export --format aloha-hdf5 --out "$work/aloha" "${ws[@]}" || return 1
  "$py" "$chk" aloha "$work/aloha" >"$work/aloha.json" || return 1
  "$root/demoforge" export --format aloha-hdf5 --options compress=jpeg --out "$work/aloha-jpeg" "${ws[@]}" || return 1
  "$py" "$chk" aloha "$work/aloha-jpeg" >"$work/aloha-jpeg.json" || return 1
  "$root/demoforge" export --format robomimic --options gzip=1,valid_fraction=0.34 --out "$work/robomimic" \
    "${ws[@]}" || return 1
  "$py" "$chk" robomimic "$work/robomimic/demoforge_dataset.hdf5" >"$work/robomimic.json" || return 1
  local n
  n=$(ls "$work/aloha"/*.hdf5 | wc -l)
  echo "aloha episodes: $n"
  [ "$n" -ge 1 ] && [ "$(ls "$work/aloha-jpeg"/*.hdf5 | wc -l)" -eq "$n" ] || return 1
  grep -q '"valid": \["demo_' "$work/robomimic.json" || { echo "no validation demo in mask/valid"; return 1; }
  rm -rf "$work/aloha"  # 0.8 GB of raw frames
}

rlds_mcap_exports() {  # needs the demo's workspace (accepted episodes)
  local ws=(--workspace "$work/ws") f i=0
  "$root/demoforge" export --format rlds --options shard_size_mb=1 --out "$work/rlds" "${ws[@]}" || return 1
  /usr/bin/python3 "$root/tests/readers/rlds-check.py" "$work/rlds/demoforge_dataset/1.0.0" >"$work/rlds.json" \
    || return 1
  "$root/demoforge" export --format mcap --out "$work/mcap" "${ws[@]}" || return 1
  for f in "$work/mcap"/episode_*.mcap; do
    node "$root/tests/readers/mcap-foxglove-check.mjs" "$f" --dump /observation/images/cam_scene 0 "$work/mcap-$i.jpg" \
      >"$work/mcap-$i.json" || return 1
    ffprobe -v error -show_entries stream=codec_name,width,height -of csv=p=0 "$work/mcap-$i.jpg" || return 1
    i=$((i + 1))
  done
  /usr/bin/python3 - "$work/rlds.json" "$i" "$work"/mcap-*.json <<'PY'
import json, struct, sys
f32 = lambda x: struct.unpack('<f', struct.pack('<f', x))[0]  # MCAP JSON holds the shortest float32 text
rlds, n, mcaps = json.load(open(sys.argv[1])), int(sys.argv[2]), [json.load(open(p)) for p in sys.argv[3:]]
episodes = rlds['episodes']
assert n >= 1 and len(episodes) == n == len(mcaps), (len(episodes), n, len(mcaps))
for e, m in zip(episodes, mcaps):
    state = m['topics']['/observation/state']
    assert state['count'] == e['steps'], (state['count'], e['steps'])
    flat = [f32(v) for row in state['values'] for v in row]
    assert flat == e['floats']['steps/observation/state'], 'RLDS and MCAP states differ'
    assert m['metadata']['demoforge_episode']['task'] == e['text']['steps/language_instruction'][0]
print(f"{n} episodes, steps {[e['steps'] for e in episodes]}, shards {rlds['splits']['train']['shardLengths']}")
PY
}

kill_recovery() {
  setsid "$root/demoforge" record --station sim --episodes 1 --seconds 60 --task "kill me" \
    --workspace "$work/ws-kill" >"$work/kill-record.log" 2>&1 &
  local pid=$! mp4="" i
  for i in $(seq 1 120); do
    mp4=$(find "$work/ws-kill/episodes" -name 'cam_scene.image.mp4' -size +100k 2>/dev/null | head -n 1)
    [ -n "$mp4" ] && break
    sleep 0.5
  done
  [ -n "$mp4" ] || { echo "recording never produced video"; cat "$work/kill-record.log"; kill -9 -- -$pid; return 1; }
  sleep 3
  kill -9 -- -"$pid"
  wait "$pid" 2>/dev/null
  local dir
  dir=$(dirname "$mp4")
  grep -q '"status": "RECORDING"' "$dir/episode.json" || { echo "episode was not left unfinished"; return 1; }
  "$root/demoforge" episodes --json --workspace "$work/ws-kill" >"$work/kill-episodes.json" || return 1
  grep -q 'Recovered episode' "$work/kill-episodes.json" || { echo "no recovery reported"; return 1; }
  grep -q '"status": "RECOVERED"' "$dir/episode.json" || { echo "manifest not RECOVERED"; return 1; }
  grep -q '"RECOVERED"' "$work/kill-episodes.json" || { echo "catalog row not RECOVERED"; return 1; }
  local frames
  frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames \
    -of default=nokey=1:noprint_wrappers=1 "$mp4") || return 1
  echo "recovered video frames: $frames"
  [ "$frames" -ge 90 ] || { echo "too few frames survived: $frames"; return 1; }
  node "$root/tests/readers/mcap-check.mjs" "$dir/episode.mcap"
}

disk_full() {
  local ws="$work/ws-full" out code dir copy frames
  mkdir -p "$ws/episodes" "$work/ws-full2/episodes"
  mount -t tmpfs -o size=4m tmpfs "$ws/episodes" || { echo "cannot mount a 4 MB tmpfs (needs root)"; return 1; }
  out=$("$root/demoforge" record --station sim --episodes 1 --seconds 60 --task "fill the disk" --workspace "$ws" 2>&1)
  code=$?
  echo "$out"
  dir=$(ls -d "$ws"/episodes/ep-* | head -n 1)
  cp -r "$dir" "$work/ws-full2/episodes/"
  umount "$ws/episodes"
  [ "$code" -eq 1 ] || { echo "exit code $code, expected 1"; return 1; }
  grep -q "disk full" <<<"$out" || { echo "no disk-full message"; return 1; }
  # the next start, with room again, repairs what was written before the disk filled up
  "$root/demoforge" episodes --workspace "$work/ws-full2" | tee "$work/full-episodes.txt"
  grep -q "Recovered episode" "$work/full-episodes.txt" || { echo "not recovered"; return 1; }
  copy="$work/ws-full2/episodes/$(basename "$dir")"
  frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames \
    -of default=nokey=1:noprint_wrappers=1 "$copy/cam_scene.image.mp4") || return 1
  echo "frames kept: $frames"
  [ "$frames" -gt 30 ] || return 1
  node "$root/tests/readers/mcap-check.mjs" "$copy/episode.mcap"
}

serial_bus() {  # serial_bus DIR KIND SERVO... : socat pty pair in DIR, emulator on its device end; sets bus_pids
  local dir=$1 kind=$2 i
  shift 2
  mkdir -p "$dir"
  socat -d -d "pty,raw,echo=0,link=$dir/tty-host" "pty,raw,echo=0,link=$dir/tty-device" 2>"$dir/socat.log" &
  bus_pids=$!
  for i in $(seq 1 100); do
    [ -e "$dir/tty-host" ] && [ -e "$dir/tty-device" ] && break
    sleep 0.05
  done
  python3 "$root/tests/e2e/servo_emulator.py" "$kind" "$dir/tty-device" "$@" &
  bus_pids="$bus_pids $!"
  sleep 0.3
}

devices_list() {
  local dir="$work/list" out
  serial_bus "$dir" dynamixel 1:1060:2048
  out=$("$root/demoforge" devices list --json --port "$dir/tty-host" 2>&1)
  local code=$?
  kill $bus_pids
  echo "$out"
  [ "$code" -eq 0 ] || return 1
  python3 -c 'import json, sys
ports = json.loads(sys.stdin.read())
mine = [p for p in ports if p["path"] == sys.argv[1]]
assert mine and mine[0]["exists"], ports' "$dir/tty-host" <<<"$out"
}

devices_probe_dynamixel() {
  local dir="$work/dxl" out json
  serial_bus "$dir" dynamixel 1:1060:2048 2:1020:1000 7:1200:3072
  out=$("$root/demoforge" devices probe --driver dynamixel --port "$dir/tty-host" --timeout-ms 100 2>&1)
  local code=$?
  json=$("$root/demoforge" devices probe --driver dynamixel --port "$dir/tty-host" --ids 0-10 --json 2>&1)
  kill $bus_pids
  echo "$out"
  echo "$json"
  [ "$code" -eq 0 ] || return 1
  grep -q "3 dynamixel servos on $dir/tty-host at 1000000 baud" <<<"$out" || return 1
  grep -qE "id +1 +XL430-W250 +model +1060 +firmware +46 +position 2048 \(0.000 rad\)" <<<"$out" || return 1
  grep -qE "id +2 +XM430-W350 +model +1020 .*position 1000 " <<<"$out" || return 1
  grep -qE "id +7 +XL330-M288 +model +1200 .*position 3072 \(1.571 rad\)" <<<"$out" || return 1
  python3 -c 'import json, sys
r = json.loads(sys.stdin.read())
assert [(s["id"], s["model"], s["position"]) for s in r["servos"]] == [(1, "XL430-W250", 2048), (2, "XM430-W350", 1000), (7, "XL330-M288", 3072)], r' <<<"$json"
}

devices_probe_feetech() {
  local dir="$work/sts" out
  serial_bus "$dir" feetech 1:777:2048 2:777:100 6:777:4000
  out=$("$root/demoforge" devices probe --driver feetech --port "$dir/tty-host" --ids 0-20 --timeout-ms 100 2>&1)
  local code=$?
  kill $bus_pids
  echo "$out"
  [ "$code" -eq 0 ] || return 1
  grep -q "3 feetech servos" <<<"$out" || return 1
  grep -qE "id +2 +STS3215 +model +777 +firmware +778 +position 100 " <<<"$out" || return 1
  grep -qE "id +6 +STS3215 .*position 4000 " <<<"$out"
}

devices_probe_missing_port() {
  local out code
  out=$("$root/demoforge" devices probe --driver feetech --port "$work/no-such-tty" 2>&1)
  code=$?
  echo "$out"
  [ "$code" -eq 1 ] || { echo "exit code $code, expected 1"; return 1; }
  grep -qF "port $work/no-such-tty not found" <<<"$out"
}

expect_usage_error() {  # expect_usage_error TEXT ARGS... : exit code 2 and TEXT in stderr
  local text=$1
  shift
  local out code
  out=$("$root/demoforge" "$@" 2>&1)
  code=$?
  echo "$out"
  [ "$code" -eq 2 ] || { echo "exit code $code, expected 2"; return 1; }
  grep -qF -- "$text" <<<"$out"
}

check demo demo
check quality quality
check hdf5 hdf5_exports
check rlds-mcap rlds_mcap_exports
check kill-recovery kill_recovery
check disk-full disk_full
check devices-list devices_list
check devices-probe-dynamixel devices_probe_dynamixel
check devices-probe-feetech devices_probe_feetech
check devices-probe-missing-port devices_probe_missing_port
check devices-bad-subject expect_usage_error "devices needs one of [list, probe], not 'scan'" devices scan
check devices-bad-driver expect_usage_error "No serial-bus driver 'herkulex'. Drivers: [dynamixel, feetech]" \
  devices probe --driver herkulex --port /dev/null
ws=(--workspace "$work/ws-bad")
check bad-verb expect_usage_error "Unknown verb 'frobnicate'" frobnicate
check bad-option expect_usage_error "Unknown option --colour for episodes" episodes --colour "${ws[@]}"
check bad-number expect_usage_error "--episodes must be a positive whole number, was 'zero'" \
  record --task t --episodes zero "${ws[@]}"
check bad-format expect_usage_error "Unknown format 'parquet'. Formats: [aloha-hdf5, lerobot, " \
  export --format parquet --out "$work/x" "${ws[@]}"
check bad-export-option expect_usage_error "ALOHA export option compress='png' is not one of [none, jpeg]" \
  export --format aloha-hdf5 --options compress=png --out "$work/x" --workspace "$work/ws"
check bad-station expect_usage_error "No station 'lab9'" record --station lab9 --task t "${ws[@]}"
check bad-workspace expect_usage_error "is a file, not a directory" episodes --workspace "$root/README.md"

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && rm -rf "$work"
[ "$failed" -eq 0 ]
