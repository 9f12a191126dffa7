// Independent parquet reader for DemoForge tests (hyparquet, pure JavaScript; snappy via hyparquet-compressors).
// Usage: node parquet-check.mjs [--rows] file.parquet ...
// Prints one JSON object: { "<file>": { numRows, rowGroups, codecs, columns: [{name, type, repetition}],
//   keyValueMetadata: {key: value}, pandasIndexColumns, rows? } }. Types use pyarrow's spelling
// (float, double, int64, uint8, bool, string, list<float>, list<list<list<double>>>).
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

function typeOf(node) {
  const e = node.element
  const logical = e.logical_type?.type
  if (e.converted_type === 'LIST' || logical === 'LIST') {
    const repeated = node.children[0]
    const element = repeated.children.length === 1 ? repeated.children[0] : repeated
    return `list<${typeOf(element)}>`
  }
  if (node.children.length > 0) {
    return `struct<${node.children.map(c => `${c.element.name}: ${typeOf(c)}`).join(', ')}>`
  }
  switch (e.type) {
    case 'FLOAT': return 'float'
    case 'DOUBLE': return 'double'
    case 'BOOLEAN': return 'bool'
    case 'INT64': return logical === 'INTEGER' && !e.logical_type.isSigned ? 'uint64' : 'int64'
    case 'INT32':
      if (logical === 'INTEGER') {
        return `${e.logical_type.isSigned ? 'int' : 'uint'}${e.logical_type.bitWidth}`
      }
      return 'int32'
    case 'BYTE_ARRAY':
      return logical === 'STRING' || e.converted_type === 'UTF8' ? 'string' : 'binary'
    default: return e.type
  }
}

const json = (value) => JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? Number(v) : v))

const args = process.argv.slice(2)
const withRows = args.includes('--rows')
const out = {}
for (const path of args.filter(a => a !== '--rows')) {
  const file = await asyncBufferFromFile(path)
  const metadata = await parquetMetadataAsync(file)
  const schema = parquetSchema(metadata)
  const kv = Object.fromEntries((metadata.key_value_metadata ?? []).map(({ key, value }) => [key, value]))
  const entry = {
    numRows: Number(metadata.num_rows),
    rowGroups: metadata.row_groups.length,
    codecs: [...new Set(metadata.row_groups.flatMap(g => g.columns.map(c => c.meta_data.codec)))],
    columns: schema.children.map(c => ({
      name: c.element.name, type: typeOf(c), repetition: c.element.repetition_type,
    })),
    keyValueMetadata: kv,
    pandasIndexColumns: kv.pandas ? JSON.parse(kv.pandas).index_columns : null,
  }
  if (withRows) {
    entry.rows = await parquetReadObjects({ file, compressors })
  }
  out[path] = entry
}
process.stdout.write(json(out) + '\n')
