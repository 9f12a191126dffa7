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
#   devices-probe-ur-rtde, -netft  devices probe --host finds a UR controller (version, 500 Hz, samples) and a Net F/T
#                   (scaled wrench at 1 kHz) served by tests/e2e/net_emulator.py (Python, written apart from the Java
#                   drivers) on loopback; a host where nothing listens gives exit code 1 with the reason
#   lerobot-v21     the demo's episodes exported as LeRobot v2.1 with the end-effector pose, checked by
#                   tests/readers/lerobot-v21-check.mjs (hyparquet, ffprobe); the reference camera is packet-copied
#   hdf5            the demo's episodes exported as aloha-hdf5 (raw and JPEG) and robomimic, checked with h5py
#                   (tests/readers/hdf5-check.py, Debian's python3-h5py)
#   rlds-mcap       the demo's episodes exported as rlds (TFDS shards, checked by tests/readers/rlds-check.py: both
#                   CRCs, Example protos, features.json) and mcap (lz4 chunks; tests/readers/mcap-foxglove-check.mjs:
#                   @mcap/core, @foxglove/wasm-lz4, protobufjs); both exports hold the same steps and states
#   devices-probe-camera  devices probe --driver camera on a file written by ffmpeg: negotiated format, frame times
#   driver-sdk      examples/driver-template built offline against the product's p2 repository (SDK feature), its
#                   conformance tests run, its repository installed with ./demoforge install (tests/e2e/driver-template.sh)
#   stations-calibrate-save  calibrate latency --save copies the built-in sim station into the catalog with the
#                   estimated timesync.latency_ns of each camera; stations list/show then report the saved copy and
#                   its two changes against the built-in station; stations revert deletes it
#   bad-input       bad verbs, options, formats and paths give a clear message and exit code 2
#   dataset         a saved dataset over the demo's episodes: create (query, seeded split), build, checked by
#                   hyparquet (lerobot-check.mjs); edits (trim, relabel, delete) and a rebuild; a rebuild from the
#                   first manifest after a new episode arrived is byte-identical; raw files keep their hashes;
#                   robomimic masks per split read by h5py; an rlds build with a train/val split whose per-split
#                   shards and episode counts rlds-check.py checks against the manifest
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

lerobot_v21() {  # needs the demo's workspace (accepted episodes)
  "$root/demoforge" export --format lerobot-v2.1 --options ee_pose=true --out "$work/lerobot-v21" \
    --workspace "$work/ws" || return 1
  node "$root/tests/readers/lerobot-v21-check.mjs" "$work/lerobot-v21" || return 1
  node -e 'const fs = require("fs"), d = process.argv[1];
    const f = JSON.parse(fs.readFileSync(d + "/meta/info.json", "utf8")).features["observation.ee_pose"];
    const v = JSON.parse(fs.readFileSync(d + "/meta/demoforge_video.json", "utf8"));
    console.log("ee_pose:", JSON.stringify(f), "videos copied:", v.copied, "encoded:", v.encoded);
    if (!f || f.info.frame !== "sim_base" || f.shape[0] !== 7 || v.copied < 1) process.exit(1);' "$work/lerobot-v21"
}

hdf5_exports() {  # needs the demo's workspace (accepted episodes)
  local py=/usr/bin/python3 chk="$root/tests/readers/hdf5-check.py" ws=(--workspace "$work/ws")
  "$root/demoforge" export --format aloha-hdf5 --out "$work/aloha" "${ws[@]}" || return 1
  "$py" "$chk" aloha "$work/aloha" >"$work/aloha.json" || return 1
  "$root/demoforge" export --format aloha-hdf5 --options compress=jpeg --out "$work/aloha-jpeg" "${ws[@]}" || return 1
  "$py" "$chk" aloha "$work/aloha-jpeg" >"$work/aloha-jpeg.json" || return 1
  "$root/demoforge" export --format robomimic --options gzip=1,valid_fraction=0.5 --out "$work/robomimic" \
    "${ws[@]}" || return 1
  "$py" "$chk" robomimic "$work/robomimic/demoforge_dataset.hdf5" >"$work/robomimic.json" || return 1
  local n
  n=$(ls "$work/aloha"/*.hdf5 | wc -l)
  echo "aloha episodes: $n"
  [ "$n" -ge 1 ] && [ "$(ls "$work/aloha-jpeg"/*.hdf5 | wc -l)" -eq "$n" ] || return 1
  grep -q '"valid": \["demo_' "$work/robomimic.json" || { echo "no validation demo in mask/valid"; return 1; }
  rm -rf "$work/aloha"  # 0.8 GB of raw frames
}

dataset_build() {  # needs the demo's workspace (3 accepted episodes)
  local ws=(--workspace "$work/ws") py=/usr/bin/python3 ds="$work/datasets" before after ep
  mkdir -p "$ds"
  before=$(cd "$work/ws/episodes" && find . -type f ! -name '.*' -exec sha256sum {} + | sort)
  "$root/demoforge" dataset create demo-split --review accepted --split train=2,val=1 --seed 7 --stratify task \
    --format lerobot "${ws[@]}" || return 1
  "$root/demoforge" dataset build demo-split --out "$ds/v1" "${ws[@]}" || return 1
  node "$root/tests/readers/lerobot-check.mjs" "$ds/v1" >"$ds/v1.json" || { cat "$ds/v1.json"; return 1; }
  node -e 'const fs = require("fs"), d = process.argv[1];
    const i = JSON.parse(fs.readFileSync(d + "/meta/info.json")), m = JSON.parse(fs.readFileSync(d + "/meta/demoforge_manifest.json"));
    const ends = Object.values(i.splits).map(r => Number(r.split(":")[1]));
    if (JSON.stringify(i.splits) !== JSON.stringify(m.splits) || Math.max(...ends) !== i.total_episodes
      || m.episodes.length !== i.total_episodes || !("train" in i.splits)) { console.log(i.splits, m.splits); process.exit(1) }' \
    "$ds/v1" || { echo "info.json splits do not match the manifest"; return 1; }
  ep=$(node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(m.episodes[0].id)' \
    "$ds/v1/meta/demoforge_manifest.json")
  "$root/demoforge" dataset edit demo-split --trim "$ep:1:3" "${ws[@]}" || return 1
  "$root/demoforge" dataset edit demo-split --relabel "$ep:pick up the red cube" "${ws[@]}" || return 1
  "$root/demoforge" dataset show demo-split --json "${ws[@]}" >"$ds/show.json" || return 1
  grep -q '"relabelled": true' "$ds/show.json" || { echo "relabel not shown"; return 1; }
  "$root/demoforge" dataset build demo-split --out "$ds/v2" "${ws[@]}" || return 1
  node "$root/tests/readers/lerobot-check.mjs" "$ds/v2" >"$ds/v2.json" || { cat "$ds/v2.json"; return 1; }
  node -e 'const [a, b] = process.argv.slice(1).map(f => JSON.parse(require("fs").readFileSync(f, "utf8")));
    if (!(b.frames < a.frames - 30 && b.tasks === 2)) { console.log(a.frames, b.frames, b.tasks); process.exit(1) }' \
    "$ds/v1.json" "$ds/v2.json" || { echo "trim or relabel did not reach the export"; return 1; }
  # a new accepted episode arrives; the first manifest still rebuilds the first dataset, byte for byte
  "$root/demoforge" record --station sim --episodes 1 --seconds 3 --task "late episode" "${ws[@]}" || return 1
  "$root/demoforge" dataset rebuild --manifest "$ds/v1/meta/demoforge_manifest.json" --out "$ds/v1-again" \
    "${ws[@]}" | tee "$ds/rebuild.txt" || return 1
  grep -q "Every output file is byte-identical to the original build" "$ds/rebuild.txt" || return 1
  "$root/demoforge" dataset create demo-robomimic --review accepted --split train=2,valid=1 --seed 3 \
    --format robomimic "${ws[@]}" || return 1
  "$root/demoforge" dataset edit demo-robomimic --delete "$ep" "${ws[@]}" || return 1
  "$root/demoforge" dataset build demo-robomimic --out "$ds/robomimic" "${ws[@]}" || return 1
  "$py" "$root/tests/readers/hdf5-check.py" robomimic "$ds/robomimic/demo-robomimic.hdf5" >"$ds/robomimic.json" \
    || return 1
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])), n = Object.keys(r.demos || {}).length;
    const masked = [...(r.masks.train || []), ...(r.masks.valid || [])];
    if (!r.masks.train || masked.length !== new Set(masked).size || (n && masked.length !== n)) { console.log(r.masks); process.exit(1) }' \
    "$ds/robomimic.json" || { echo "robomimic masks do not follow the split"; return 1; }
  "$root/demoforge" dataset create demo-rlds --review accepted --split train=2,val=1 --seed 7 --format rlds \
    --options shard_size_mb=1 "${ws[@]}" || return 1
  "$root/demoforge" dataset build demo-rlds --out "$ds/rlds" "${ws[@]}" || return 1
  # the manifest's splits ("train": "0:2", ...) become rlds-check.py's --expect-split NAME=EPISODES, in order
  mapfile -t expect < <("$py" - "$ds/rlds/meta/demoforge_manifest.json" <<'PY'
import json, sys
splits = json.load(open(sys.argv[1]))['splits']
if list(splits)[:2] != ['train', 'val']:
    sys.exit(f'manifest splits {splits}, expected train and val')
for name, run in splits.items():
    start, end = (int(x) for x in run.split(':'))
    print('--expect-split')
    print(f'{name}={end - start}')
PY
  ) && [ "${#expect[@]}" -ge 4 ] || { echo "no train/val split in the rlds build's manifest"; return 1; }
  "$py" "$root/tests/readers/rlds-check.py" "$(dirname "$(find "$ds/rlds" -name dataset_info.json)")" \
    "${expect[@]}" >"$ds/rlds.json" || return 1
  "$py" -c 'import json, sys; r = json.load(open(sys.argv[1])); print("rlds splits", {k: v["shardLengths"] for k, v in r["splits"].items()})' \
    "$ds/rlds.json"
  "$root/demoforge" dataset list "${ws[@]}" || return 1
  after=$(cd "$work/ws/episodes" && find . -type f ! -name '.*' -path "./$ep/*" -exec sha256sum {} + | sort)
  [ "$(grep "/$ep/" <<<"$before")" = "$after" ] || { echo "raw files of $ep changed"; return 1; }
  rm -rf "$ds"
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
  rm -f "$dir/ready"
  python3 "$root/tests/e2e/servo_emulator.py" "$kind" "$dir/tty-device" "--ready=$dir/ready" "$@" &
  bus_pids="$bus_pids $!"
  for i in $(seq 1 200); do  # the emulator touches ready once its end of the pair is open and raw
    [ -e "$dir/ready" ] && break
    sleep 0.05
  done
}

stations_calibrate_save() {
  local ws=(--workspace "$work/ws-stations") before after listed reverted
  before=$("$root/demoforge" stations list --json "${ws[@]}" 2>&1) || { echo "$before"; return 1; }
  "$root/demoforge" calibrate latency --station sim --seconds 6 --save "${ws[@]}" || return 1
  after=$("$root/demoforge" stations show sim --json "${ws[@]}" 2>&1) || { echo "$after"; return 1; }
  listed=$("$root/demoforge" stations list --json "${ws[@]}" 2>&1) || { echo "$listed"; return 1; }
  "$root/demoforge" stations show sim "${ws[@]}" || return 1
  "$root/demoforge" stations revert sim "${ws[@]}" || return 1
  reverted=$("$root/demoforge" stations list --json "${ws[@]}" 2>&1) || { echo "$reverted"; return 1; }
  echo "$after"
  python3 -c 'import json, sys
before, after = json.loads(sys.argv[1]), json.loads(sys.argv[2])
sim = [r for r in before if r["id"] == "sim"]
assert sim and not sim[0]["saved"] and sim[0]["built_in"], before
cams = {d["deviceId"]: d["properties"] for d in after["devices"] if d["driverId"] == "sim.camera"}
assert set(cams) == {"cam_scene", "cam_wrist"}, after
for name, p in cams.items():
    ns = int(p["timesync.latency_ns"])
    assert 5_000_000 <= ns <= 60_000_000, (name, ns)
    assert p["view"] in ("scene", "wrist"), p
assert [d["deviceId"] for d in after["devices"]] == ["arm", "leader", "cam_scene", "cam_wrist", "ft"], after
listed = {r["id"]: r for r in json.loads(sys.argv[3])}
assert listed["sim"]["saved"] and listed["sim"]["changes"] == 2, listed
reverted = {r["id"]: r for r in json.loads(sys.argv[4])}
assert not reverted["sim"]["saved"] and reverted["sim"]["built_in"], reverted' \
    "$before" "$after" "$listed" "$reverted"
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
  kill $bus_pids
  # socat ends the pair when the first probe closes its end, so the second probe gets a bus of its own
  serial_bus "$dir/json" dynamixel 1:1060:2048 2:1020:1000 7:1200:3072
  json=$("$root/demoforge" devices probe --driver dynamixel --port "$dir/json/tty-host" --ids 0-10 --timeout-ms 100 --json \
    2>&1)
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

devices_probe_camera() {  # a file written by Debian's ffmpeg, probed by the embedded FFmpeg; a missing V4L2 node
  local out
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=320x240:rate=25:duration=2 -c:v mpeg4 \
    "$work/probe.mkv" || return 1
  out=$("$root/demoforge" devices probe --driver camera --port "$work/probe.mkv" 2>&1) || { echo "$out"; return 1; }
  echo "$out"
  grep -q "320x240 yuv420p (matroska,webm/mpeg4) @ 25 fps; asked 640x480 auto @ 30 fps; published scaled to 640x480" \
    <<<"$out" || return 1
  grep -q "^  frame  9 .*pts *360000 us" <<<"$out" || return 1
  out=$("$root/demoforge" devices probe --driver camera --port /dev/video99 2>&1) && { echo "exit 0: $out"; return 1; }
  grep -qF "Camera /dev/video99 did not open: no such video device /dev/video99" <<<"$out"
}

devices_probe_missing_port() {
  local out code
  out=$("$root/demoforge" devices probe --driver feetech --port "$work/no-such-tty" 2>&1)
  code=$?
  echo "$out"
  [ "$code" -eq 1 ] || { echo "exit code $code, expected 1"; return 1; }
  grep -qF "port $work/no-such-tty not found" <<<"$out"
}

net_device() {  # net_device KIND: starts tests/e2e/net_emulator.py KIND; sets net_pid and net_port
  local file="$work/$1.port"
  python3 "$root/tests/e2e/net_emulator.py" "$1" "$file" &
  net_pid=$!
  for i in $(seq 1 100); do
    [ -s "$file" ] && break
    sleep 0.05
  done
  net_port=$(cat "$file")
}

devices_probe_ur_rtde() {
  local out json code
  net_device rtde
  out=$("$root/demoforge" devices probe --driver ur-rtde --host 127.0.0.1 --port "$net_port" 2>&1)
  code=$?
  json=$("$root/demoforge" devices probe --driver ur-rtde --host 127.0.0.1 --port "$net_port" --json 2>&1)
  kill $net_pid
  echo "$out"
  [ "$code" -eq 0 ] || return 1
  grep -q "ur-rtde ONLINE .*UR e-Series controller 5.9.4.1234 at 127.0.0.1:$net_port, RTDE protocol 2, 500 Hz" \
    <<<"$out" || return 1
  grep -qE "tcp_force +[0-9]+ samples" <<<"$out" || return 1
  python3 -c 'import json, sys
r = json.loads(sys.stdin.read())
j = r["streams"]["joints"]
assert r["state"] == "ONLINE" and j["received"] > 300 and 400 < j["rateHz"] < 600, (r["state"], j)
assert r["streams"]["tcp_force"]["lastSamples"][-1] == [1.0, -2.0, -9.5, 0.1, -0.2, 0.05], r["streams"]["tcp_force"]' \
    <<<"$json"
}

devices_probe_netft() {
  local out json code
  net_device netft
  out=$("$root/demoforge" devices probe --driver netft --host 127.0.0.1 --port "$net_port" 2>&1)
  code=$?
  json=$("$root/demoforge" devices probe --driver netft --host 127.0.0.1 --port "$net_port" --json 2>&1)
  kill $net_pid
  echo "$out"
  [ "$code" -eq 0 ] || return 1
  grep -q "netft ONLINE .*Net F/T at 127.0.0.1:$net_port, RDT realtime stream" <<<"$out" || return 1
  python3 -c 'import json, sys
r = json.loads(sys.stdin.read())
w = r["streams"]["wrench"]
assert r["state"] == "ONLINE" and w["received"] > 500 and 700 < w["rateHz"] < 1300, w
assert w["lastSamples"][-1] == [1.5, -0.25, -9.81, 0.012, -0.003, 0.0005], w["lastSamples"]' <<<"$json"
}

devices_probe_host_down() {
  local out code port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  out=$("$root/demoforge" devices probe --driver ur-rtde --host 127.0.0.1 --port "$port" 2>&1)
  code=$?
  echo "$out"
  [ "$code" -eq 1 ] || { echo "exit code $code, expected 1"; return 1; }
  grep -qF "connection to 127.0.0.1:$port refused" <<<"$out"
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
check lerobot-v21 lerobot_v21
check hdf5 hdf5_exports
check rlds-mcap rlds_mcap_exports
check dataset dataset_build
check kill-recovery kill_recovery
check disk-full disk_full
check stations-calibrate-save stations_calibrate_save
check devices-list devices_list
check devices-probe-dynamixel devices_probe_dynamixel
check devices-probe-feetech devices_probe_feetech
check devices-probe-missing-port devices_probe_missing_port
check devices-probe-ur-rtde devices_probe_ur_rtde
check devices-probe-netft devices_probe_netft
check devices-probe-host-down devices_probe_host_down
check devices-probe-camera devices_probe_camera
check driver-sdk bash "$root/tests/e2e/driver-template.sh" "$work"
check devices-bad-subject expect_usage_error "devices needs one of [list, probe], not 'scan'" devices scan
check devices-bad-driver expect_usage_error "No serial-bus driver 'herkulex'. Drivers: [dynamixel, feetech]" \
  devices probe --driver herkulex --port /dev/null
ws=(--workspace "$work/ws-bad")
check bad-verb expect_usage_error "Unknown verb 'frobnicate'" frobnicate
check bad-option expect_usage_error "Unknown option --colour for episodes" episodes --colour "${ws[@]}"
check bad-number expect_usage_error "--episodes must be a positive whole number, was 'zero'" \
  record --task t --episodes zero "${ws[@]}"
check bad-format expect_usage_error "Unknown format 'parquet'. Formats: [aloha-hdf5, lerobot, lerobot-v2.1" \
  export --format parquet --out "$work/x" "${ws[@]}"
check bad-export-option expect_usage_error "ALOHA export option compress='png' is not one of [none, jpeg]" \
  export --format aloha-hdf5 --options compress=png --out "$work/x" --workspace "$work/ws"
check bad-station expect_usage_error "No station 'lab9'" record --station lab9 --task t "${ws[@]}"
check dataset-bad-trim expect_usage_error "--trim takes EPISODE:START:END in seconds, not 'x:1'" \
  dataset edit demo-split --trim x:1 --workspace "$work/ws"
check dataset-unknown expect_usage_error "No dataset named 'nope'" dataset build nope --out "$work/x" "${ws[@]}"
check bad-workspace expect_usage_error "is a file, not a directory" episodes --workspace "$root/README.md"

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && rm -rf "$work"
[ "$failed" -eq 0 ]
