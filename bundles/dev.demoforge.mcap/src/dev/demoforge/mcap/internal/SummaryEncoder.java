package dev.demoforge.mcap.internal;

import java.util.zip.CRC32;

/**
 * Encodes everything after Data End: the summary groups, one Summary Offset per group, the Footer (with the CRC of
 * every byte from the summary start through the Footer's two offset fields) and the closing magic.
 */
public final class SummaryEncoder {

    private final long summaryStart;
    private final LeBuffer summary = new LeBuffer(8192);
    private final LeBuffer offsets = new LeBuffer(256);

    /** @param summaryStart file offset of the first summary byte (just after Data End) */
    public SummaryEncoder(long summaryStart) {
        this.summaryStart = summaryStart;
    }

    /** Appends a group of whole records that all have {@code opcode}; empty groups are left out. */
    public SummaryEncoder group(int opcode, LeBuffer records) {
        if (records.size() > 0) {
            Records.summaryOffset(offsets, opcode, summaryStart + summary.size(), records.size());
            summary.bytes(records.array(), 0, records.size());
        }
        return this;
    }

    /** The complete tail of the file: summary, Summary Offsets, Footer, magic. */
    public LeBuffer finish() {
        long summaryOffsetStart = summaryStart + summary.size();
        summary.bytes(offsets.array(), 0, offsets.size());
        summary.u8(Opcode.FOOTER).u64(8 + 8 + 4).u64(summaryStart).u64(summaryOffsetStart);
        CRC32 crc = new CRC32();
        crc.update(summary.array(), 0, summary.size());
        summary.u32(crc.getValue()).bytes(Opcode.magic());
        return summary;
    }
}
