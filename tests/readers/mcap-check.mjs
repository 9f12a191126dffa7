// Independent MCAP check with @mcap/core (Foxglove's TypeScript reader), used by the Java tests.
// Usage: node mcap-check.mjs <file.mcap>
// Prints one JSON object. Exit code 0 when the indexed reader, the streaming reader (chunk CRCs validated)
// and the data-section CRC all accept the file; 1 otherwise (the reason is in the JSON's *Error fields); 2 on usage.
import { open } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { McapIndexedReader, McapStreamReader } from "@mcap/core";

const path = process.argv[2];
if (!path) {
  console.error("usage: node mcap-check.mjs <file.mcap>");
  process.exit(2);
}

const handle = await open(path, "r");
const size = (await handle.stat()).size;

async function readAt(offset, length) {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  if (bytesRead !== length) {
    throw new Error(`short read: ${bytesRead} of ${length} bytes at offset ${offset}`);
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

const readable = {
  size: async () => BigInt(size),
  read: async (offset, length) => readAt(Number(offset), Number(length)),
};

const out = { file: path, size };

try {
  const reader = await McapIndexedReader.Initialize({ readable });
  let messages = 0;
  const channelMessageCounts = {};
  for await (const message of reader.readMessages({ validateCrcs: true })) {
    messages++;
    channelMessageCounts[message.channelId] = (channelMessageCounts[message.channelId] ?? 0) + 1;
  }
  const metadataNames = [];
  for await (const metadata of reader.readMetadata()) {
    metadataNames.push(metadata.name);
  }
  out.messages = messages;
  out.channels = reader.channelsById.size;
  out.schemas = reader.schemasById.size;
  out.chunkCount = reader.chunkIndexes.length;
  out.metadataNames = metadataNames;
  out.topics = [...reader.channelsById.values()].map((c) => c.topic);
  out.channelMessageCounts = channelMessageCounts;
  out.statisticsMessageCount = Number(reader.statistics?.messageCount ?? -1n);
  out.statisticsChunkCount = reader.statistics?.chunkCount ?? -1;
  const computed = crc32(await readAt(0, Number(reader.dataEndOffset)));
  out.dataSectionCrcStored = reader.dataSectionCrc ?? 0;
  out.dataSectionCrcComputed = computed;
  if (reader.dataSectionCrc === undefined) {
    out.dataSectionCrcError = "data section CRC not written (0)";
  } else if (reader.dataSectionCrc !== computed) {
    out.dataSectionCrcError = `data section CRC mismatch: stored ${reader.dataSectionCrc}, computed ${computed}`;
  }
} catch (error) {
  out.indexedError = String(error?.message ?? error);
}

try {
  const stream = new McapStreamReader({ validateCrcs: true });
  let messages = 0;
  const step = 1 << 20;
  for (let offset = 0; offset < size; offset += step) {
    stream.append(await readAt(offset, Math.min(step, size - offset)));
    for (let record; (record = stream.nextRecord()); ) {
      if (record.type === "Message") {
        messages++;
      }
    }
  }
  out.streamMessages = messages;
  out.streamDone = stream.done();
} catch (error) {
  out.streamError = String(error?.message ?? error);
}

await handle.close();
console.log(JSON.stringify(out));
const ok = !out.indexedError && !out.streamError && !out.dataSectionCrcError && out.streamDone;
process.exitCode = ok ? 0 : 1;
