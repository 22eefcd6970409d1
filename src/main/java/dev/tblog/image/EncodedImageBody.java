package dev.tblog.image;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.Summary;

import java.io.IOException;

/**
 * The {@code image} field of a {@code Summary.Value}: an encoded picture (a PNG, or an animated GIF
 * for a video) with its size and colour space, pointed at the encoder's buffer for the one
 * {@code writeValue} call that writes it.
 * <pre>
 * value.image   22 len                          field 4, Summary.Image
 *                 08 height 10 width            the picture's (tiled) size
 *                 18 colorspace                 1 gray, 3 RGB, 4 RGBA (= channels)
 *                 22 n &lt;n bytes&gt;               encoded_image_string
 * </pre>
 *
 * <p>Thread contract: consumer thread only; one per encoder.
 */
public final class EncodedImageBody implements SummaryBody {
    private int height;
    private int width;
    private int channels;
    private byte[] encoded;
    private int length;
    private int imageSize;

    /**
     * Points this body at {@code buffer[0, length)}.
     *
     * @param channels 1, 3 or 4: the colour space
     */
    public void of(int pictureHeight, int pictureWidth, int pictureChannels, byte[] buffer, int encodedLength) {
        this.height = pictureHeight;
        this.width = pictureWidth;
        this.channels = pictureChannels;
        this.encoded = buffer;
        this.length = encodedLength;
        this.imageSize = CodedOutputStream.computeInt32Size(Summary.Image.HEIGHT_FIELD_NUMBER, pictureHeight)
            + CodedOutputStream.computeInt32Size(Summary.Image.WIDTH_FIELD_NUMBER, pictureWidth)
            + CodedOutputStream.computeInt32Size(Summary.Image.COLORSPACE_FIELD_NUMBER, pictureChannels)
            + CodedOutputStream.computeTagSize(Summary.Image.ENCODED_IMAGE_STRING_FIELD_NUMBER)
            + CodedOutputStream.computeUInt32SizeNoTag(encodedLength) + encodedLength;
    }

    @Override
    public int serializedSize() {
        return CodedOutputStream.computeTagSize(Summary.Value.IMAGE_FIELD_NUMBER)
            + CodedOutputStream.computeUInt32SizeNoTag(imageSize) + imageSize;
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        out.writeTag(Summary.Value.IMAGE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(imageSize);
        out.writeInt32(Summary.Image.HEIGHT_FIELD_NUMBER, height);
        out.writeInt32(Summary.Image.WIDTH_FIELD_NUMBER, width);
        out.writeInt32(Summary.Image.COLORSPACE_FIELD_NUMBER, channels); // colorspace 1, 3, 4 = channels
        out.writeTag(Summary.Image.ENCODED_IMAGE_STRING_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(length);
        out.writeRawBytes(encoded, 0, length);
    }
}
