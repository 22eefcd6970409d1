package dev.tblog.encode;

import io.netty.buffer.ByteBuf;

import java.io.OutputStream;

/**
 * An output stream onto whichever {@link ByteBuf} the encoder writes to now, so one
 * {@code CodedOutputStream} (and its internal buffer) serves every file without reallocation.
 *
 * <p>Thread contract: consumer thread only.
 */
final class ByteBufTarget extends OutputStream {
    private ByteBuf target;

    void target(ByteBuf buf) {
        this.target = buf;
    }

    @Override
    public void write(int b) {
        target.writeByte(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        target.writeBytes(bytes, offset, length);
    }
}
