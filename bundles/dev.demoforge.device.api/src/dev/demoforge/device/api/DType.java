package dev.demoforge.device.api;

/** Element type of a stream's values as stored; samples carry doubles in memory. @since 0.1 */
public enum DType {
    FLOAT32, FLOAT64, INT64, UINT8, BOOL, STRING;

    /** The numpy / LeRobot spelling of this type. */
    public String numpyName() {
        return switch (this) {
            case FLOAT32 -> "float32";
            case FLOAT64 -> "float64";
            case INT64 -> "int64";
            case UINT8 -> "uint8";
            case BOOL -> "bool";
            case STRING -> "string";
        };
    }
}
