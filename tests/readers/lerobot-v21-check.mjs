// Independent check of a LeRobot v2.1 dataset directory (lerobot 0.3.x layout), written without DemoForge code:
// parquet through hyparquet, videos through ffprobe. Usage: node lerobot-v21-check.mjs DATASET_DIR
// Checks what lerobot 0.3.3's loader relies on: info.json keys (v2.1 set and order), the three .jsonl files,
// episodes 0..n-1 each with its own parquet at data_path holding exactly `length` rows, columns = non-video
// features in order, `huggingface` footer with datasets<=3.6 types ("Sequence", never "List"), timestamps on the
// 1/fps grid (check_timestamps_sync, tolerance 1e-4 s), contiguous global index, per-episode stats for every
// feature (min/max/mean/std/count, image stats shaped (3,1,1) in [0,1]), and for every video key one mp4 per
// episode at video_path whose decoded frame count is `length` and whose frame i is at i/fps.
// Prints a JSON summary; exits 1 on any problem.
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

const root = process.argv[2]
const problems = []
const fail = (msg) => problems.push(msg)
const info = JSON.parse(readFileSync(join(root, 'meta/info.json'), 'utf8'))
const expectedKeys = ['codebase_version', 'robot_type', 'total_episodes', 'total_frames', 'total_tasks',
  'total_videos', 'total_chunks', 'chunks_size', 'fps', 'splits', 'data_path', 'video_path', 'features']
if (JSON.stringify(Object.keys(info)) !== JSON.stringify(expectedKeys)) fail(`info.json keys ${Object.keys(info)}`)
if (info.codebase_version !== 'v2.1') fail(`codebase_version ${info.codebase_version}`)
const jsonl = (name) => readFileSync(join(root, 'meta', name), 'utf8').split('\n').filter(l => l.length)
  .map(l => JSON.parse(l))
const tasks = jsonl('tasks.jsonl')
const episodes = jsonl('episodes.jsonl').sort((a, b) => a.episode_index - b.episode_index)
const stats = jsonl('episodes_stats.jsonl').sort((a, b) => a.episode_index - b.episode_index)
if (tasks.length !== info.total_tasks) fail(`tasks.jsonl has ${tasks.length} lines, total_tasks ${info.total_tasks}`)
tasks.forEach((t, i) => { if (t.task_index !== i || typeof t.task !== 'string') fail(`tasks.jsonl line ${i}`) })
if (episodes.length !== info.total_episodes) fail(`episodes.jsonl has ${episodes.length} lines`)
if (stats.length !== info.total_episodes) fail(`episodes_stats.jsonl has ${stats.length} lines`)

const features = info.features
const nonVideo = Object.keys(features).filter(k => features[k].dtype !== 'video')
const videoKeys = Object.keys(features).filter(k => features[k].dtype === 'video')
if (info.total_videos !== info.total_episodes * videoKeys.length) fail(`total_videos ${info.total_videos}`)
if (info.total_chunks !== Math.ceil(info.total_episodes / info.chunks_size)) fail(`total_chunks ${info.total_chunks}`)
// Python str.format of lerobot's templates, for the fields they use
const format = (template, values) => template.replace(/\{(\w+)(?::0(\d+)d)?\}/g, (m, name, width) =>
  width ? String(values[name]).padStart(Number(width), '0') : String(values[name]))

let index = 0
let frames = 0
const videoFrames = Object.fromEntries(videoKeys.map(k => [k, 0]))
for (const [i, ep] of episodes.entries()) {
  if (ep.episode_index !== i) fail(`episodes.jsonl: episode ${ep.episode_index} at position ${i}`)
  const chunk = Math.floor(i / info.chunks_size)
  const file = join(root, format(info.data_path, { episode_chunk: chunk, episode_index: i }))
  if (!existsSync(file)) { fail(`episode ${i}: no data file ${file}`); continue }
  const buffer = await asyncBufferFromFile(file)
  const metadata = await parquetMetadataAsync(buffer)
  const rows = await parquetReadObjects({ file: buffer, compressors, metadata })
  const kv = Object.fromEntries((metadata.key_value_metadata || []).map(e => [e.key, e.value]))
  const top = metadata.schema.slice(1).map(e => e.name).filter(n => nonVideo.includes(n))
  if (JSON.stringify(top) !== JSON.stringify(nonVideo)) fail(`${file}: columns ${top}`)
  const hf = JSON.parse(kv.huggingface || '{}').info?.features || {}
  for (const k of nonVideo) {
    const want = features[k].shape[0] > 1 ? 'Sequence' : 'Value'
    if (hf[k]?._type !== want) fail(`${file}: huggingface type of ${k} is ${hf[k]?._type}, want ${want}`)
  }
  if (rows.length !== ep.length) fail(`episode ${i}: ${rows.length} rows, length ${ep.length}`)
  rows.forEach((r, f) => {
    if (Number(r.index) !== index + f) fail(`episode ${i} row ${f}: index ${r.index}`)
    if (Number(r.frame_index) !== f || Number(r.episode_index) !== i) fail(`episode ${i} row ${f}: indices`)
    if (f > 0 && Math.abs(r.timestamp - rows[f - 1].timestamp - 1 / info.fps) > 1e-4) fail(`episode ${i} row ${f}: timestamp step`)
    if (f === 0 && Math.abs(r.timestamp) > 1e-6) fail(`episode ${i}: first timestamp ${r.timestamp}`)
  })
  index += rows.length
  frames += rows.length
  const s = stats[i]?.stats || {}
  for (const k of Object.keys(features)) {
    if (!s[k]) { fail(`episode ${i}: no stats for ${k}`); continue }
    if (JSON.stringify(Object.keys(s[k])) !== '["min","max","mean","std","count"]') fail(`episode ${i}: stats of ${k}: ${Object.keys(s[k])}`)
    if (features[k].dtype === 'video') {
      for (const st of ['min', 'max', 'mean', 'std']) {
        const v = s[k][st]
        if (v.length !== 3 || v.some(c => c.length !== 1 || c[0].length !== 1 || c[0][0] < 0 || c[0][0] > 1)) fail(`episode ${i}: ${k} ${st} not (3,1,1) in [0,1]`)
      }
    } else if (s[k].count[0] !== ep.length) fail(`episode ${i}: ${k} count ${s[k].count}`)
  }
  for (const k of videoKeys) {
    const mp4 = join(root, format(info.video_path, { episode_chunk: chunk, video_key: k, episode_index: i }))
    if (!existsSync(mp4)) { fail(`episode ${i}: no video ${mp4}`); continue }
    const out = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries',
      'stream=codec_name:frame=pts_time', '-of', 'json', mp4], { encoding: 'utf8' }))
    if (out.streams[0].codec_name !== features[k].info['video.codec']) fail(`${mp4}: codec ${out.streams[0].codec_name}`)
    const pts = out.frames.map(f => Number(f.pts_time)).sort((a, b) => a - b)
    if (pts.length !== ep.length) fail(`${mp4}: ${pts.length} frames for ${ep.length} rows`)
    pts.forEach((t, f) => { if (Math.abs(t - f / info.fps) > 1e-4) fail(`${mp4}: frame ${f} at ${t} s`) })
    videoFrames[k] += pts.length
  }
}
if (frames !== info.total_frames) fail(`data rows ${frames} != total_frames ${info.total_frames}`)
console.log(JSON.stringify({ episodes: episodes.length, frames, tasks: tasks.length, videoFrames, columns: nonVideo,
  problems }, null, 1))
process.exit(problems.length ? 1 : 0)
