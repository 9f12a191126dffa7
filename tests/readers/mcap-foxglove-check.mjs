// Independent check of DemoForge's MCAP exports for Foxglove, with @mcap/core (Foxglove's TypeScript reader),
// @foxglove/wasm-lz4 (the LZ4 frame decoder Foxglove uses for lz4 chunks) and protobufjs (which decodes
// foxglove.CompressedImage from the FileDescriptorSet stored in the file, as Foxglove does).
// Usage: node mcap-foxglove-check.mjs <episode.mcap> [--dump TOPIC INDEX OUT]...
// Checks: the file opens with the indexed reader (summary, chunk indexes with message indexes, statistics); every
// chunk CRC; statistics' per-channel counts equal the messages read; every channel has a schema Foxglove knows how
// to decode (protobuf with a FileDescriptorSet, or json with a jsonschema); each message's timestamp equals its log
// time, and log times rise strictly per channel; the data-section CRC; a time-window read through the index returns exactly the messages
// in that window. --dump writes the image bytes of message INDEX on TOPIC to OUT.
// Prints one JSON object (per topic: schema, encodings, count, times, and for JSON topics every message's values;
// for images format, frame_id and byte sizes). A violation prints "mcap-foxglove-check: FAIL: ..." and exits 1.
import { open, writeFile } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { McapIndexedReader } from "@mcap/core";
import decompressLz4 from "@foxglove/wasm-lz4";
import protobuf from "protobufjs";
import descriptor from "protobufjs/ext/descriptor/index.js";

function fail(message) {
  console.error(`mcap-foxglove-check: FAIL: ${message}`);
  process.exit(1);
}

process.on("uncaughtException", (error) => fail(String(error?.message ?? error)));

const [path, ...rest] = process.argv.slice(2);
if (!path) {
  console.error("usage: node mcap-foxglove-check.mjs <episode.mcap> [--dump TOPIC INDEX OUT]...");
  process.exit(2);
}
const dumps = [];
for (let i = 0; i < rest.length; i += 4) {
  if (rest[i] !== "--dump" || i + 3 >= rest.length) fail(`bad arguments ${rest.slice(i).join(" ")}`);
  dumps.push({ topic: rest[i + 1], index: Number(rest[i + 2]), out: rest[i + 3] });
}

const handle = await open(path, "r");
const size = (await handle.stat()).size;
const readable = {
  size: async () => BigInt(size),
  read: async (offset, length) => {
    const buffer = Buffer.alloc(Number(length));
    const { bytesRead } = await handle.read(buffer, 0, Number(length), Number(offset));
    if (bytesRead !== Number(length)) throw new Error(`short read at ${offset}`);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  },
};

await decompressLz4.isLoaded;
const decompressHandlers = {
  lz4: (buffer, decompressedSize) => decompressLz4(buffer, Number(decompressedSize)),
};

let reader;
try {
  reader = await McapIndexedReader.Initialize({ readable, decompressHandlers });
} catch (error) {
  fail(`${path}: the indexed reader cannot open the file: ${error?.message ?? error}`);
}
if (reader.chunkIndexes.length === 0) fail("no chunk indexes in the summary");
for (const ci of reader.chunkIndexes) {
  if (ci.messageIndexOffsets.size === 0) fail(`chunk at ${ci.chunkStartOffset} has no message indexes`);
}
if (!reader.statistics) fail("no statistics record in the summary");
const dataSection = await readable.read(0n, reader.dataEndOffset);
if (reader.dataSectionCrc !== undefined && reader.dataSectionCrc !== crc32(dataSection)) {
  fail(`data section CRC mismatch: stored ${reader.dataSectionCrc}, computed ${crc32(dataSection)}`);
}

const decoders = new Map();
const topics = {};
for (const channel of reader.channelsById.values()) {
  const schema = reader.schemasById.get(channel.schemaId);
  if (!schema) fail(`channel ${channel.topic} has no schema`);
  if (channel.messageEncoding === "protobuf") {
    if (schema.encoding !== "protobuf") fail(`${channel.topic}: protobuf messages with a ${schema.encoding} schema`);
    const set = descriptor.FileDescriptorSet.decode(schema.data);
    const root = protobuf.Root.fromDescriptor(set);
    const type = root.lookupType(schema.name);
    decoders.set(channel.id, (data) => type.toObject(type.decode(data), { longs: Number, bytes: Buffer }));
  } else if (channel.messageEncoding === "json") {
    if (schema.encoding !== "jsonschema") fail(`${channel.topic}: json messages with a ${schema.encoding} schema`);
    const jsonSchema = JSON.parse(new TextDecoder().decode(schema.data));
    const required = jsonSchema.required ?? [];
    decoders.set(channel.id, (data) => {
      const message = JSON.parse(new TextDecoder().decode(data));
      for (const key of required) {
        if (!(key in message)) fail(`${channel.topic}: message lacks required field ${key}`);
      }
      return message;
    });
  } else {
    fail(`${channel.topic}: message encoding ${channel.messageEncoding} is not one Foxglove decodes here`);
  }
  topics[channel.topic] = {
    schema: schema.name,
    schemaEncoding: schema.encoding,
    messageEncoding: channel.messageEncoding,
    metadata: Object.fromEntries(channel.metadata),
    count: 0,
    logTimes: [],
  };
}

const topicOf = (id) => reader.channelsById.get(id).topic;
const counts = new Map();
for await (const message of reader.readMessages({ validateCrcs: true })) {
  const topic = topicOf(message.channelId);
  const t = topics[topic];
  const decoded = decoders.get(message.channelId)(message.data);
  const stamp = decoded.timestamp;
  const stampNs = BigInt(stamp.seconds ?? stamp.sec ?? 0) * 1000000000n + BigInt(stamp.nanos ?? stamp.nsec ?? 0);
  if (stampNs !== message.logTime) fail(`${topic} message ${t.count}: timestamp ${stampNs} != log time ${message.logTime}`);
  if (message.publishTime !== message.logTime) fail(`${topic} message ${t.count}: publish time differs from log time`);
  const last = t.logTimes.at(-1);
  if (last !== undefined && BigInt(last) >= message.logTime) fail(`${topic}: log times do not rise at ${t.count}`);
  t.logTimes.push(Number(message.logTime));
  if (t.schema === "foxglove.CompressedImage") {
    t.format ??= decoded.format;
    t.frameId ??= decoded.frame_id ?? decoded.frameId;
    if (decoded.format !== t.format) fail(`${topic}: format changes from ${t.format} to ${decoded.format}`);
    (t.bytes ??= []).push(decoded.data.length);
    for (const d of dumps) {
      if (d.topic === topic && d.index === t.count) await writeFile(d.out, decoded.data);
    }
  } else {
    t.name ??= decoded.name;
    const values = decoded.position ?? decoded.values;
    (t.values ??= []).push(values);
  }
  t.count++;
  counts.set(message.channelId, (counts.get(message.channelId) ?? 0) + 1);
}

const stats = reader.statistics;
let total = 0;
for (const [id, n] of counts) {
  total += n;
  const stated = Number(stats.channelMessageCounts.get(id) ?? -1);
  if (stated !== n) fail(`${topicOf(id)}: statistics say ${stated} messages, ${n} were read`);
}
if (Number(stats.messageCount) !== total) fail(`statistics say ${stats.messageCount} messages, ${total} were read`);
if (stats.chunkCount !== reader.chunkIndexes.length) fail("statistics chunk count differs from the chunk indexes");

// A seek: messages in the middle third of the time range, read through the index, must be exactly those there.
const all = Object.values(topics).flatMap((t) => t.logTimes);
const start = Math.min(...all);
const end = Math.max(...all);
const from = BigInt(Math.floor(start + (end - start) / 3));
const to = BigInt(Math.floor(start + (2 * (end - start)) / 3));
let windowed = 0;
for await (const message of reader.readMessages({ startTime: from, endTime: to })) {
  if (message.logTime < from || message.logTime > to) fail(`window read returned a message at ${message.logTime}`);
  windowed++;
}
const expected = all.filter((t) => BigInt(t) >= from && BigInt(t) <= to).length;
if (windowed !== expected) fail(`window read returned ${windowed} messages, ${expected} lie in the window`);

const metadata = {};
for await (const record of reader.readMetadata()) metadata[record.name] = Object.fromEntries(record.metadata);

console.log(JSON.stringify({
  file: path,
  size,
  profile: reader.header.profile,
  library: reader.header.library,
  chunks: reader.chunkIndexes.length,
  compression: [...new Set(reader.chunkIndexes.map((c) => c.compression))],
  messages: total,
  windowMessages: windowed,
  metadata,
  topics,
}));
await handle.close();
