#!/usr/bin/python3
"""Independent check of DemoForge's RLDS exports (TFDS layout, TFRecord shards) with Debian's python3-protobuf,
python3-crcmod and numpy; images decoded with zlib (PNG) and ffmpeg (JPEG). No TensorFlow code is used.

  rlds-check.py DIR [--dump EPISODE KEY ROW OUT.rgb]... [--expect-split NAME=EPISODES]...
      DIR is <data_dir>/<name>/<version>. Checks against formats.md section 5:
      - dataset_info.json: one entry per split (names unique: letters, digits, _ and -), per split shardLengths =
        records per shard file, numBytes = total size of its shards, shard files named
        <name>-<split>.tfrecord-XXXXX-of-YYYYY with X = 0..Y-1 (Y counted per split) and nothing else
      - --expect-split: the splits are exactly the NAME=EPISODES given, in that order (episodes = sum of
        shardLengths = records read)
      - every record's framing: both masked CRC-32Cs (length and data)
      - every record parses as tf.train.Example (descriptor built here from the message definitions, field
        numbers as in tensorflow/core/example/{example,feature}.proto)
      - the Example's keys are exactly the flattened features.json leaves; step fields hold N * prod(shape)
        values of the right kind with one N for every step field; episode fields one value
      - images: as many as steps, each a PNG or JPEG (as features.json says) of the declared height and width
      - is_first only on step 0, is_last only on step N-1, reward/discount finite
      --dump decodes one image to raw RGB24 (height x width x 3) in OUT.rgb (PNG: zlib + unfiltering here;
      JPEG: ffmpeg).

Prints one JSON document (per split: shards, shardLengths, numBytes, episodes and the episodes' file_path;
per episode: its split, steps, text fields, every float step field as a flat list, image sizes and
byte lengths). A violation prints "rlds-check: FAIL: ..." on stderr and exits 1.
"""
import json
import os
import re
import struct
import subprocess
import sys
import zlib

import crcmod.predefined
import numpy as np
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

CRC32C = crcmod.predefined.mkCrcFun('crc-32c')


class Fail(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise Fail(msg)


def masked(crc):
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def example_class():
    """tf.train.Example built from a hand-written FileDescriptorProto (package tensorflow, TensorFlow's numbers)."""
    F = descriptor_pb2.FieldDescriptorProto
    fdp = descriptor_pb2.FileDescriptorProto(name='rlds_check_example.proto', package='tensorflow', syntax='proto3')

    def message(name, fields, nested=None, map_entry=False):
        m = fdp.message_type.add(name=name) if nested is None else nested.nested_type.add(name=name)
        if map_entry:
            m.options.map_entry = True
        for fname, number, label, ftype, type_name, oneof in fields:
            f = m.field.add(name=fname, number=number, label=label, type=ftype)
            if type_name:
                f.type_name = type_name
            if oneof is not None:
                f.oneof_index = oneof
        return m

    rep, opt = F.LABEL_REPEATED, F.LABEL_OPTIONAL
    message('BytesList', [('value', 1, rep, F.TYPE_BYTES, None, None)])
    fl = message('FloatList', [('value', 1, rep, F.TYPE_FLOAT, None, None)])
    fl.field[0].options.packed = True
    il = message('Int64List', [('value', 1, rep, F.TYPE_INT64, None, None)])
    il.field[0].options.packed = True
    feature = message('Feature', [('bytes_list', 1, opt, F.TYPE_MESSAGE, '.tensorflow.BytesList', 0),
                                  ('float_list', 2, opt, F.TYPE_MESSAGE, '.tensorflow.FloatList', 0),
                                  ('int64_list', 3, opt, F.TYPE_MESSAGE, '.tensorflow.Int64List', 0)])
    feature.oneof_decl.add(name='kind')
    features = message('Features', [('feature', 1, rep, F.TYPE_MESSAGE, '.tensorflow.Features.FeatureEntry', None)])
    message('FeatureEntry', [('key', 1, opt, F.TYPE_STRING, None, None),
                             ('value', 2, opt, F.TYPE_MESSAGE, '.tensorflow.Feature', None)],
            nested=features, map_entry=True)
    message('Example', [('features', 1, opt, F.TYPE_MESSAGE, '.tensorflow.Features', None)])
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    desc = pool.FindMessageTypeByName('tensorflow.Example')
    if hasattr(message_factory, 'GetMessageClass'):
        return message_factory.GetMessageClass(desc)
    return message_factory.MessageFactory(pool).GetPrototype(desc)


def records(path):
    """Yields (offset, data) of every record, checking both CRCs."""
    with open(path, 'rb') as f:
        blob = f.read()
    pos = 0
    while pos < len(blob):
        need(pos + 12 <= len(blob), f'{path}: truncated record header at offset {pos}')
        head = blob[pos:pos + 8]
        (length,) = struct.unpack('<Q', head)
        (len_crc,) = struct.unpack('<I', blob[pos + 8:pos + 12])
        need(len_crc == masked(CRC32C(head)), f'{path}: length CRC mismatch at offset {pos}')
        start = pos + 12
        end = start + length
        need(end + 4 <= len(blob), f'{path}: record at offset {pos} runs past the end ({length} bytes)')
        data = blob[start:end]
        (data_crc,) = struct.unpack('<I', blob[end:end + 4])
        need(data_crc == masked(CRC32C(data)), f'{path}: data CRC mismatch in record at offset {pos}')
        yield pos, data
        pos = end + 4


def leaves(node, prefix, in_steps, out):
    """Flattens features.json into {key: (kind, shape, dtype/encoding, is_step)}."""
    cls = node['pythonClassName'].rsplit('.', 1)[-1]
    if 'featuresDict' in node:
        for name, child in node['featuresDict']['features'].items():
            leaves(child, prefix + [name], in_steps, out)
    elif 'sequence' in node:
        need(node['sequence']['length'] == '-1', f'{"/".join(prefix)}: sequence length must be "-1"')
        leaves(node['sequence']['feature'], prefix, True, out)
    elif 'tensor' in node:
        t = node['tensor']
        dims = [int(d) for d in t['shape'].get('dimensions', [])]
        need(cls == ('Scalar' if not dims else 'Tensor'), f'{"/".join(prefix)}: class {cls} for shape {dims}')
        out['/'.join(prefix)] = ('tensor', dims, t['dtype'], in_steps)
    elif 'image' in node:
        i = node['image']
        dims = [int(d) for d in i['shape']['dimensions']]
        need(i['dtype'] == 'uint8' and len(dims) == 3, f'{"/".join(prefix)}: image must be uint8 (H, W, C)')
        out['/'.join(prefix)] = ('image', dims, i['encodingFormat'], in_steps)
    elif 'text' in node:
        out['/'.join(prefix)] = ('text', [], 'string', in_steps)
    else:
        raise Fail(f'{"/".join(prefix)}: unknown feature node {sorted(node)}')


def image_size(data):
    """(format, height, width) from a PNG's IHDR or a JPEG's SOF marker."""
    if data[:8] == b'\x89PNG\r\n\x1a\n':
        w, h = struct.unpack('>II', data[16:24])
        return 'png', h, w
    need(data[:2] == b'\xff\xd8', 'image is neither PNG nor JPEG')
    pos = 2
    while pos + 4 <= len(data):
        need(data[pos] == 0xFF, f'JPEG: no marker at offset {pos}')
        marker = data[pos + 1]
        (seg,) = struct.unpack('>H', data[pos + 2:pos + 4])
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack('>HH', data[pos + 5:pos + 9])
            return 'jpeg', h, w
        pos += 2 + seg
    raise Fail('JPEG without a SOF marker')


def decode_png(data):
    """RGB24 bytes of an 8-bit RGB, non-interlaced PNG (all five filter types)."""
    pos, idat, ihdr = 8, b'', None
    while pos < len(data):
        (length,) = struct.unpack('>I', data[pos:pos + 4])
        ctype = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack('>I', data[pos + 8 + length:pos + 12 + length])
        need(crc == zlib.crc32(ctype + body), f'PNG chunk {ctype} CRC mismatch')
        if ctype == b'IHDR':
            ihdr = struct.unpack('>IIBBBBB', body)
        elif ctype == b'IDAT':
            idat += body
        pos += 12 + length
    w, h, depth, color, _, _, interlace = ihdr
    need(depth == 8 and color == 2 and interlace == 0, f'PNG must be 8-bit RGB non-interlaced, is {ihdr}')
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(h, w * 3 + 1)
    out = np.zeros((h, w * 3), dtype=np.uint8)
    prev = np.zeros(w * 3, dtype=np.uint8)
    for y in range(h):
        ftype, line = raw[y, 0], raw[y, 1:]
        if ftype == 0:
            cur = line.copy()
        elif ftype == 1:
            cur = (np.cumsum(line.reshape(w, 3).astype(np.int64), axis=0) % 256).astype(np.uint8).reshape(-1)
        elif ftype == 2:
            cur = (line.astype(np.int64) + prev) % 256
        else:
            cur = np.zeros(w * 3, dtype=np.int64)
            for x in range(w * 3):
                a = int(cur[x - 3]) if x >= 3 else 0
                b = int(prev[x])
                c = int(prev[x - 3]) if x >= 3 else 0
                if ftype == 3:
                    pred = (a + b) // 2
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[x] = (int(line[x]) + pred) % 256
        out[y] = cur.astype(np.uint8)
        prev = out[y].astype(np.int64)
    return out.tobytes()


def decode_jpeg(data):
    r = subprocess.run(['ffmpeg', '-v', 'error', '-f', 'jpeg_pipe', '-i', '-', '-f', 'rawvideo', '-pix_fmt', 'rgb24',
                        '-'], input=data, capture_output=True, check=False)
    need(r.returncode == 0, f'ffmpeg could not decode a JPEG: {r.stderr.decode(errors="replace")}')
    return r.stdout


def check(directory, dumps, expected_splits):
    info = json.load(open(os.path.join(directory, 'dataset_info.json')))
    features = json.load(open(os.path.join(directory, 'features.json')))
    name = info['name']
    need(re.fullmatch(r'[a-z][a-z0-9_]*', name), f'dataset name {name!r} is not a TFDS name')
    need(re.fullmatch(r'\d+\.\d+\.\d+', info['version']), f'version {info["version"]!r} is not MAJOR.MINOR.PATCH')
    need(os.path.basename(os.path.normpath(directory)) == info['version'], 'directory name is not the version')
    need(info.get('fileFormat', 'tfrecord') == 'tfrecord', f'fileFormat {info.get("fileFormat")}')
    spec = {}
    leaves(features, [], False, spec)
    Example = example_class()
    listed = set(f for f in os.listdir(directory) if f not in ('dataset_info.json', 'features.json'))
    report = {'name': name, 'version': info['version'], 'splits': {}, 'features': {
        k: {'kind': v[0], 'shape': v[1], 'dtype': v[2], 'step': v[3]} for k, v in spec.items()}, 'episodes': []}
    names = [split['name'] for split in info['splits']]
    need(len(names) == len(set(names)), f'split names repeat: {names}')
    for split in info['splits']:
        need(re.fullmatch(r'[A-Za-z0-9_-]+', split['name']), f'split name {split["name"]!r}')
        lengths = [int(n) for n in split['shardLengths']]
        count = len(lengths)
        need(count > 0, f'split {split["name"]}: no shards')
        first = len(report['episodes'])
        need(split.get('filepathTemplate', '{DATASET}-{SPLIT}.{FILEFORMAT}-{SHARD_X_OF_Y}')
             == '{DATASET}-{SPLIT}.{FILEFORMAT}-{SHARD_X_OF_Y}', f'filepathTemplate {split.get("filepathTemplate")}')
        total = 0
        for shard in range(count):
            fname = f'{name}-{split["name"]}.tfrecord-{shard:05d}-of-{count:05d}'
            path = os.path.join(directory, fname)
            need(os.path.isfile(path), f'missing shard {fname}')
            listed.discard(fname)
            total += os.path.getsize(path)
            n = 0
            for offset, data in records(path):
                ex = Example()
                ex.ParseFromString(data)
                ep = episode(ex, spec, f'{fname} @ {offset}', dumps, len(report['episodes']))
                ep['split'] = split['name']
                report['episodes'].append(ep)
                n += 1
            need(n == lengths[shard], f'{fname} holds {n} records, shardLengths says {lengths[shard]}')
        need(int(split['numBytes']) == total, f'split {split["name"]}: numBytes {split["numBytes"]}, files {total}')
        mine = report['episodes'][first:]
        need(len(mine) == sum(lengths), f'split {split["name"]}: {len(mine)} records, shardLengths sum {sum(lengths)}')
        report['splits'][split['name']] = {'shards': count, 'shardLengths': lengths, 'numBytes': total,
                                           'episodes': len(mine), 'filePaths': [
                                               e['text'].get('episode_metadata/file_path', [None])[0] for e in mine]}
    need(not listed, f'unexpected files in {directory}: {sorted(listed)}')
    if expected_splits is not None:
        got = [(n, report['splits'][n]['episodes']) for n in names]
        need(got == expected_splits, f'splits {got}, expected {expected_splits}')
    return report


def episode(ex, spec, where, dumps, index):
    feats = ex.features.feature
    need(set(feats.keys()) == set(spec.keys()),
         f'{where}: Example keys {sorted(feats.keys())} differ from features.json {sorted(spec.keys())}')
    steps = None
    out = {'steps': None, 'text': {}, 'floats': {}, 'images': {}}
    for key, (kind, dims, dtype, in_steps) in sorted(spec.items()):
        f = feats[key]
        which = f.WhichOneof('kind')
        per = int(np.prod(dims)) if dims else 1
        if kind == 'image' or kind == 'text' or dtype == 'string':
            need(which == 'bytes_list' or which is None, f'{where}: {key} must be a bytes_list, is {which}')
            values = list(f.bytes_list.value)
            per = 1
        elif dtype.startswith('float'):
            need(which == 'float_list', f'{where}: {key} must be a float_list, is {which}')
            values = list(f.float_list.value)
        else:
            need(which == 'int64_list', f'{where}: {key} must be an int64_list, is {which}')
            values = list(f.int64_list.value)
        if in_steps:
            need(len(values) % per == 0, f'{where}: {key} holds {len(values)} values, not a multiple of {per}')
            n = len(values) // per
            need(steps is None or n == steps, f'{where}: {key} has {n} steps, other step fields {steps}')
            steps = n
        else:
            need(len(values) == per, f'{where}: episode field {key} holds {len(values)} values, expected {per}')
        if kind == 'image':
            sizes = set()
            for row, data in enumerate(values):
                fmt, h, w = image_size(data)
                need(fmt == dtype, f'{where}: {key} step {row} is {fmt}, features.json says {dtype}')
                need([h, w] == dims[:2], f'{where}: {key} step {row} is {h}x{w}, features.json says {dims}')
                sizes.add(len(data))
            out['images'][key] = {'count': len(values), 'min_bytes': min(sizes), 'max_bytes': max(sizes)}
            for ep, dkey, drow, target in dumps:
                if ep == index and dkey == key:
                    rgb = decode_png(values[drow]) if dtype == 'png' else decode_jpeg(values[drow])
                    need(len(rgb) == dims[0] * dims[1] * 3, f'{where}: {key} step {drow} decodes to {len(rgb)} bytes')
                    with open(target, 'wb') as t:
                        t.write(rgb)
        elif kind == 'text':
            out['text'][key] = [v.decode('utf-8') for v in values]
        elif dtype == 'bool':
            need(all(v in (0, 1) for v in values), f'{where}: {key} holds values other than 0/1')
            out['floats'][key] = values
        else:
            need(all(np.isfinite(values)), f'{where}: {key} holds non-finite values')
            out['floats'][key] = values
    need(steps is not None and steps > 0, f'{where}: no steps')
    first, last = out['floats'].get('steps/is_first'), out['floats'].get('steps/is_last')
    need(first == [1] + [0] * (steps - 1), f'{where}: is_first must be 1 only on step 0')
    need(last == [0] * (steps - 1) + [1], f'{where}: is_last must be 1 only on the last step')
    out['steps'] = steps
    return out


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    dumps, expected, rest = [], None, argv[2:]
    try:
        while rest:
            if rest[0] == '--expect-split' and len(rest) >= 2 and re.fullmatch(r'[A-Za-z0-9_-]+=\d+', rest[1]):
                n, c = rest[1].split('=')
                expected = (expected or []) + [(n, int(c))]
                rest = rest[2:]
                continue
            need(rest[0] == '--dump' and len(rest) >= 5, f'bad arguments {rest}')
            dumps.append((int(rest[1]), rest[2], int(rest[3]), rest[4]))
            rest = rest[5:]
        print(json.dumps(check(argv[1], dumps, expected)))
        return 0
    except Fail as e:
        print(f'rlds-check: FAIL: {e}', file=sys.stderr)
        return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
