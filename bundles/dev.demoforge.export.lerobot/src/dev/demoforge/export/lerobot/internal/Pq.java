package dev.demoforge.export.lerobot.internal;

import java.util.List;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import dev.demoforge.device.api.DType;

/**
 * Parquet column shapes pyarrow writes (all fields {@code optional}; lists as the standard 3-level LIST
 * {@code optional group <name> (LIST) { repeated group list { optional <type> element; } }}) and the record-consumer
 * calls that fill them.
 */
final class Pq {

    private Pq() {
    }

    /** An optional scalar column of {@code dtype}. */
    static Type scalar(String name, DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> Types.optional(PrimitiveTypeName.FLOAT).named(name);
            case FLOAT64 -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case UINT8 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, false))
                    .named(name);
            case BOOL -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                    .named(name);
        };
    }

    /** An optional LIST column whose elements are {@code element} (which must be named {@code "element"}). */
    static Type list(String name, Type element) {
        return Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(element).named("list"))
                .named(name);
    }

    /** {@code list<dtype>}. */
    static Type list(String name, DType dtype) {
        return list(name, scalar("element", dtype));
    }

    /** {@code list<list<list<double>>>}, the shape of image stats {@code (3, 1, 1)}. */
    static Type nestedDoubleList3(String name) {
        return list(name, list("element", list("element", DType.FLOAT64)));
    }

    /** Writes a scalar value of {@code dtype} at field {@code index}. */
    static void scalar(RecordConsumer rc, String name, int index, DType dtype, double value) {
        rc.startField(name, index);
        add(rc, dtype, value);
        rc.endField(name, index);
    }

    /** Writes a string at field {@code index}. */
    static void string(RecordConsumer rc, String name, int index, String value) {
        rc.startField(name, index);
        rc.addBinary(Binary.fromString(value));
        rc.endField(name, index);
    }

    /** Writes a {@code list<dtype>} of float values at field {@code index}. */
    static void list(RecordConsumer rc, String name, int index, DType dtype, float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        list(rc, name, index, dtype, d);
    }

    /** Writes a {@code list<dtype>} at field {@code index}. */
    static void list(RecordConsumer rc, String name, int index, DType dtype, double[] values) {
        rc.startField(name, index);
        rc.startGroup();
        if (values.length > 0) {
            rc.startField("list", 0);
            for (double v : values) {
                rc.startGroup();
                rc.startField("element", 0);
                add(rc, dtype, v);
                rc.endField("element", 0);
                rc.endGroup();
            }
            rc.endField("list", 0);
        }
        rc.endGroup();
        rc.endField(name, index);
    }

    /** Writes a {@code list<string>} at field {@code index}. */
    static void stringList(RecordConsumer rc, String name, int index, List<String> values) {
        rc.startField(name, index);
        rc.startGroup();
        if (!values.isEmpty()) {
            rc.startField("list", 0);
            for (String v : values) {
                rc.startGroup();
                string(rc, "element", 0, v);
                rc.endGroup();
            }
            rc.endField("list", 0);
        }
        rc.endGroup();
        rc.endField(name, index);
    }

    /** Writes {@code [[[v0]], [[v1]], [[v2]]]} (one value per channel, shape (C, 1, 1)) at field {@code index}. */
    static void channelList(RecordConsumer rc, String name, int index, double[] perChannel) {
        rc.startField(name, index);
        rc.startGroup();
        rc.startField("list", 0);
        for (double v : perChannel) {
            rc.startGroup();
            rc.startField("element", 0);
            rc.startGroup();
            rc.startField("list", 0);
            rc.startGroup();
            list(rc, "element", 0, DType.FLOAT64, new double[] {v});
            rc.endGroup();
            rc.endField("list", 0);
            rc.endGroup();
            rc.endField("element", 0);
            rc.endGroup();
        }
        rc.endField("list", 0);
        rc.endGroup();
        rc.endField(name, index);
    }

    private static void add(RecordConsumer rc, DType dtype, double v) {
        switch (dtype) {
            case FLOAT32 -> rc.addFloat((float) v);
            case FLOAT64 -> rc.addDouble(v);
            case INT64 -> rc.addLong(Math.round(v));
            case UINT8 -> rc.addInteger((int) Math.max(0, Math.min(255, Math.round(v))));
            case BOOL -> rc.addBoolean(v != 0);
            case STRING -> throw new IllegalArgumentException("not a numeric dtype: " + dtype);
        }
    }
}
