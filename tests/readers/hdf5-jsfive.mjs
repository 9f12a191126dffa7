// Reads an HDF5 file with jsfive (pure JavaScript, shares no code with libhdf5) and prints what it sees as JSON:
//   node hdf5-jsfive.mjs FILE
// { "attrs": {...root attributes...}, "objects": { "/path": { "kind": "group"|"dataset", "attrs": {...},
//   "shape": [...], "dtype": "<f4", "values": [...] (datasets of up to 100000 elements, flattened),
//   "rows_sha256": [...] (uint8 datasets: SHA-256 of each row along the first axis) } } }
// Exit code 1 with "hdf5-jsfive: FAIL: ..." when the file or an object cannot be read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as hdf5 from 'jsfive';

const MAX_VALUES = 100000;

function plain(v) {
  if (ArrayBuffer.isView(v)) return Array.from(v, (x) => (typeof x === 'bigint' ? Number(x) : x));
  if (Array.isArray(v)) return v.map(plain);
  return typeof v === 'bigint' ? Number(v) : v;
}

function describe(ds, path) {
  const shape = ds.shape;
  const count = shape.reduce((a, b) => a * b, 1);
  const out = { kind: 'dataset', shape, dtype: ds.dtype, attrs: plain(ds.attrs) };
  if (count === 0) {
    out.values = [];
    return out;
  }
  const value = ds.value;
  if (value == null || value.length !== count) {
    throw new Error(`${path}: read ${value == null ? 'nothing' : value.length + ' elements'}, shape says ${count}`);
  }
  if (ds.dtype === '|u1' || ds.dtype === '<u1') {
    const row = count / shape[0];
    const bytes = value instanceof Uint8Array ? value : Uint8Array.from(value);
    out.rows_sha256 = [];
    for (let i = 0; i < shape[0]; i++) {
      out.rows_sha256.push(createHash('sha256').update(bytes.subarray(i * row, (i + 1) * row)).digest('hex'));
    }
  } else if (count <= MAX_VALUES) {
    out.values = plain(value);
  }
  return out;
}

function walk(group, prefix, objects) {
  for (const key of group.keys) {
    const path = `${prefix}/${key}`;
    const obj = group.get(key);
    if (obj instanceof hdf5.Group) {
      objects[path] = { kind: 'group', attrs: plain(obj.attrs) };
      walk(obj, path, objects);
    } else {
      objects[path] = describe(obj, path);
    }
  }
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node hdf5-jsfive.mjs FILE');
  process.exit(2);
}
try {
  const buf = readFileSync(file);
  const f = new hdf5.File(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), file);
  const objects = {};
  walk(f, '', objects);
  console.log(JSON.stringify({ attrs: plain(f.attrs), objects }));
} catch (e) {
  console.error(`hdf5-jsfive: FAIL: ${file}: ${e.stack || e}`);
  process.exit(1);
}
