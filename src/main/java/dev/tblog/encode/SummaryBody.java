package dev.tblog.encode;

import com.google.protobuf.CodedOutputStream;

import java.io.IOException;

/**
 * The value part of one {@code Summary.Value}: the oneof field (image, histo, tensor, ...) with its
 * field key, already prepared, so that its size is known before it is written.
 *
 * <p>Thread contract: consumer thread only.
 */
public interface SummaryBody {
    /** Exact bytes {@link #writeTo} writes, field key and length prefix included. */
    int serializedSize();

    /** Writes the field. */
    void writeTo(CodedOutputStream out) throws IOException;
}
