package dev.tblog.hparams;

import com.google.protobuf.Value;
import dev.tblog.proto.hparams.DataType;

/**
 * One validated hyperparameter value: a string, a boolean or a finite double.
 *
 * <p>Thread contract: immutable, any thread.
 */
public sealed interface HParamValue permits HParamValue.Str, HParamValue.Bool, HParamValue.Num {

    /** The hparams plugin type this value is declared with in {@code Experiment.hparam_infos}. */
    DataType type();

    /** The {@code google.protobuf.Value} stored in {@code SessionStartInfo.hparams}. */
    Value toProto();

    /** The value as error messages show it: a string in double quotes, a number or boolean as Java prints it. */
    String describe();

    /** A string value: {@code DATA_TYPE_STRING}, {@code string_value}. */
    record Str(String value) implements HParamValue {
        public Str {
            if (value == null) {
                throw new IllegalArgumentException("string hparam value must not be null");
            }
        }

        @Override
        public DataType type() {
            return DataType.DATA_TYPE_STRING;
        }

        @Override
        public Value toProto() {
            return Value.newBuilder().setStringValue(value).build();
        }

        @Override
        public String describe() {
            return '"' + value + '"';
        }
    }

    /** A boolean value: {@code DATA_TYPE_BOOL}, {@code bool_value}. */
    record Bool(boolean value) implements HParamValue {
        @Override
        public DataType type() {
            return DataType.DATA_TYPE_BOOL;
        }

        @Override
        public Value toProto() {
            return Value.newBuilder().setBoolValue(value).build();
        }

        @Override
        public String describe() {
            return Boolean.toString(value);
        }
    }

    /**
     * A number: {@code DATA_TYPE_FLOAT64}, {@code number_value}. Must be finite: TensorBoard
     * serializes the session list to JSON with protobuf's json_format, which refuses a NaN or
     * infinite {@code Value.number_value}, so one such value would break the whole HPARAMS tab.
     */
    record Num(double value) implements HParamValue {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("numeric hparam value must be finite, got " + value);
            }
        }

        @Override
        public DataType type() {
            return DataType.DATA_TYPE_FLOAT64;
        }

        @Override
        public Value toProto() {
            return Value.newBuilder().setNumberValue(value).build();
        }

        @Override
        public String describe() {
            return Double.toString(value);
        }
    }
}
