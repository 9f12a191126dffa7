// Independent check of a LeRobot v3.0 dataset directory, written without DemoForge code:
// parquet through hyparquet, videos through ffprobe. Usage: node lerobot-check.mjs DATASET_DIR
// Checks: info.json totals against the data, column names/types against info.features, contiguous index,
// timestamp == frame_index / fps, one episodes row per episode, tasks.parquet's pandas index metadata,
// stats.json and the episodes table's stats/<feature>/<stat> columns holding min/max/mean/std/count and the
// quantiles q01..q99 (lerobot >= 0.4) for every feature, and exactly one video frame per data row for every video key. Prints a JSON summary; exits 1 on any problem.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

const root = process.argv[2]
const problems = []
const fail = (msg) => problems.push(msg)
const info = JSON.parse(readFileSync(join(root, 'meta/info.json'), 'utf8'))
if (info.codebase_version !== 'v3.0') fail(`codebase_version ${info.codebase_version}`)

const files = (dir) => existsSync(join(root, dir)) ? readdirSync(join(root, dir)).sort().flatMap(chunk =>
  readdirSync(join(root, dir, chunk)).filter(f => f.endsWith('.parquet') || f.endsWith('.mp4')).sort()
    .map(f => join(root, dir, chunk, f))) : []

async function read(file) {
  const buffer = await asyncBufferFromFile(file)
  const metadata = await parquetMetadataAsync(buffer)
  const rows = await parquetReadObjects({ file: buffer, compressors, metadata })
  const kv = Object.fromEntries((metadata.key_value_metadata || []).map(e => [e.key, e.value]))
  const columns = metadata.schema.slice(1).filter(e => e.num_children === undefined || e.num_children > 0)
    .map(e => e.name).filter(n => n !== 'list' && n !== 'element')
  return { rows, kv, columns, numRows: Number(metadata.num_rows) }
}

const features = info.features
const nonVideo = Object.keys(features).filter(k => features[k].dtype !== 'video')
const videoKeys = Object.keys(features).filter(k => features[k].dtype === 'video')
let rows = []
for (const f of files('data')) {
  const d = await read(f)
  const top = d.columns.filter(c => nonVideo.includes(c) || !c.includes('.') && !['list', 'element'].includes(c))
  if (JSON.stringify(top) !== JSON.stringify(nonVideo)) fail(`${f}: columns ${top} != ${nonVideo}`)
  rows = rows.concat(d.rows)
}
if (rows.length !== info.total_frames) fail(`data rows ${rows.length} != total_frames ${info.total_frames}`)
rows.forEach((r, i) => {
  if (Number(r.index) !== i) fail(`row ${i}: index ${r.index}`)
  if (Math.abs(r.timestamp - Number(r.frame_index) / info.fps) > 1e-4) fail(`row ${i}: timestamp ${r.timestamp}`)
  for (const k of nonVideo) {
    const shape = features[k].shape
    if (shape[0] > 1 && (!Array.isArray(r[k]) || r[k].length !== shape[0])) fail(`row ${i}: ${k} not a ${shape[0]}-vector`)
  }
})
const episodes = (await Promise.all(files('meta/episodes').map(read))).flatMap(d => d.rows)
if (episodes.length !== info.total_episodes) fail(`episodes rows ${episodes.length} != ${info.total_episodes}`)
let expectedFrom = 0
episodes.forEach((e, i) => {
  if (Number(e.episode_index) !== i) fail(`episode row ${i}: episode_index ${e.episode_index}`)
  if (Number(e.dataset_from_index) !== expectedFrom) fail(`episode ${i}: from ${e.dataset_from_index}`)
  expectedFrom = Number(e.dataset_to_index)
  if (Number(e.dataset_to_index) - Number(e.dataset_from_index) !== Number(e.length)) fail(`episode ${i}: length`)
  for (const k of videoKeys) {
    const span = e[`videos/${k}/to_timestamp`] - e[`videos/${k}/from_timestamp`]
    if (Math.abs(span - Number(e.length) / info.fps) > 1e-4) fail(`episode ${i}: ${k} spans ${span} s`)
  }
})
const STATS = ['min', 'max', 'mean', 'std', 'count', 'q01', 'q10', 'q50', 'q90', 'q99']
const stats = JSON.parse(readFileSync(join(root, 'meta/stats.json'), 'utf8'))
for (const k of Object.keys(features)) {
  for (const st of STATS) {
    if (!stats[k] || !Array.isArray(stats[k][st])) fail(`stats.json: no ${st} for ${k}`)
    if (episodes.length && !(`stats/${k}/${st}` in episodes[0])) fail(`episodes table: no column stats/${k}/${st}`)
  }
  if (stats[k] && features[k].dtype !== 'video' && stats[k].count?.[0] !== info.total_frames) fail(`stats.json: ${k} count ${stats[k].count}`)
}
const tasks = await read(join(root, 'meta/tasks.parquet'))
if (tasks.numRows !== info.total_tasks) fail(`tasks rows ${tasks.numRows} != ${info.total_tasks}`)
const pandas = JSON.parse(tasks.kv.pandas || '{}')
if (JSON.stringify(pandas.index_columns) !== '["task"]') fail(`tasks pandas index_columns ${pandas.index_columns}`)
const videoFrames = {}
for (const k of videoKeys) {
  videoFrames[k] = 0
  for (const f of files(join('videos', k))) {
    const out = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries',
      'stream=nb_read_frames,codec_name', '-of', 'json', f], { encoding: 'utf8' })
    const s = JSON.parse(out).streams[0]
    videoFrames[k] += Number(s.nb_read_frames)
    if (s.codec_name !== features[k].info['video.codec']) fail(`${f}: codec ${s.codec_name}`)
  }
  if (videoFrames[k] !== info.total_frames) fail(`${k}: ${videoFrames[k]} video frames for ${info.total_frames} rows`)
}
console.log(JSON.stringify({ episodes: episodes.length, frames: rows.length, tasks: tasks.numRows, videoFrames,
  columns: nonVideo, problems }, null, 1))
process.exit(problems.length ? 1 : 0)
