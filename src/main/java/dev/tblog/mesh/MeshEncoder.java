package dev.tblog.mesh;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.DataType;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.TensorShapeProto;
import dev.tblog.proto.mesh.MeshPluginData;
import dev.tblog.proto.mesh.MeshPluginData.ContentType;

import java.io.IOException;

/**
 * The consumer half of the mesh kind: writes a mesh as TensorBoard's own mesh summary does
 * ({@code tensorboard/plugins/mesh/summary_v2.py}): one summary value per part, in one event each,
 * at the payload's step:
 * <pre>
 * tag &lt;tag&gt;_VERTEX   tensor DT_FLOAT [1, N, 3]   tensor_content: little-endian float32 x, y, z
 * tag &lt;tag&gt;_FACE     tensor DT_INT32 [1, M, 3]   tensor_content: little-endian int32 vertex indices
 * tag &lt;tag&gt;_COLOR    tensor DT_UINT8 [1, N, 3]   tensor_content: r, g, b
 * metadata  plugin "mesh", content MeshPluginData { version 0, name &lt;tag&gt;, content_type, json_config,
 *           shape [1, N, 3], components (1 &lt;&lt; VERTEX | 1 &lt;&lt; FACE | 1 &lt;&lt; COLOR of the parts present) }
 * </pre>
 * TensorBoard keeps a tag's first metadata, so the shape and scene configuration it reports are
 * those of the tag's first mesh in a file; each part is written once per step, as the dashboard
 * concatenates tensors of one tag and step.
 *
 * <p>Thread contract: consumer thread only.
 */
final class MeshEncoder implements PayloadEncoder {
    /** The mesh kind: drops are counted as {@code "mesh"}. */
    public static final PayloadKind<MeshEncoder> KIND = PayloadKind.of("mesh", MeshEncoder.class, MeshEncoder::new);
    /** The plugin that shows meshes. */
    public static final String PLUGIN_NAME = "mesh";

    private final TensorBody body = new TensorBody();

    void write(MeshPayload mesh, EventWriter out, long wallTimeMillis) throws IOException {
        int components = 1 << ContentType.VERTEX_VALUE;
        if (mesh.faces() != null) {
            components |= 1 << ContentType.FACE_VALUE;
        }
        if (mesh.colors() != null) {
            components |= 1 << ContentType.COLOR_VALUE;
        }
        int n = mesh.vertexCount();
        writePart(mesh, out, wallTimeMillis, ContentType.VERTEX, DataType.DT_FLOAT, n, mesh.vertices(), n * 12, components);
        if (mesh.faces() != null) {
            int m = mesh.faceCount();
            writePart(mesh, out, wallTimeMillis, ContentType.FACE, DataType.DT_INT32, m, mesh.faces(), m * 12, components);
        }
        if (mesh.colors() != null) {
            writePart(mesh, out, wallTimeMillis, ContentType.COLOR, DataType.DT_UINT8, n, mesh.colors(), n * 3, components);
        }
    }

    private void writePart(MeshPayload mesh, EventWriter out, long wallTimeMillis, ContentType part, DataType dtype,
                           int rows, byte[] content, int length, int components) throws IOException {
        byte[] metadata = SummaryMetadata.newBuilder()
            .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME)
                .setContent(MeshPluginData.newBuilder().setVersion(0).setName(mesh.tag()).setContentType(part)
                    .setJsonConfig(mesh.configJson()).addShape(1).addShape(rows).addShape(3)
                    .setComponents(components).build().toByteString()))
            .build().toByteArray();
        body.of(dtype, rows, content, length);
        out.writeValue(null, instanceTag(mesh.tag(), part), mesh.step(), wallTimeMillis, metadata, body);
    }

    /** {@code <tag>_VERTEX}, {@code <tag>_FACE}, {@code <tag>_COLOR}: the mesh plugin's instance tags. */
    static String instanceTag(String tag, ContentType part) {
        return tag + "_" + part.name();
    }

    /**
     * The {@code tensor} field of a {@code Summary.Value}: a tensor of shape {@code [1, rows, 3]}
     * whose {@code tensor_content} is the payload's bytes, pointed at one part at a time.
     * <pre>
     * 42 len  08 dtype  12 len (12 02 08 01) (12 k 08 rows) (12 02 08 03)  22 len &lt;content&gt;
     * </pre>
     */
    private static final class TensorBody implements SummaryBody {
        private DataType dtype;
        private int rows;
        private byte[] content;
        private int length;
        private int shapeSize;
        private int tensorSize;

        void of(DataType type, int rowCount, byte[] bytes, int contentLength) {
            this.dtype = type;
            this.rows = rowCount;
            this.content = bytes;
            this.length = contentLength;
            this.shapeSize = dimSize(1) + dimSize(rowCount) + dimSize(3);
            this.tensorSize = CodedOutputStream.computeEnumSize(TensorProto.DTYPE_FIELD_NUMBER, type.getNumber())
                + CodedOutputStream.computeTagSize(TensorProto.TENSOR_SHAPE_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(shapeSize) + shapeSize
                + CodedOutputStream.computeTagSize(TensorProto.TENSOR_CONTENT_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(contentLength) + contentLength;
        }

        /** {@code dim { size }} with its key and length. */
        private static int dimSize(long size) {
            int dim = CodedOutputStream.computeInt64Size(TensorShapeProto.Dim.SIZE_FIELD_NUMBER, size);
            return CodedOutputStream.computeTagSize(TensorShapeProto.DIM_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(dim) + dim;
        }

        @Override
        public int serializedSize() {
            return CodedOutputStream.computeTagSize(Summary.Value.TENSOR_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(tensorSize) + tensorSize;
        }

        @Override
        public void writeTo(CodedOutputStream out) throws IOException {
            out.writeTag(Summary.Value.TENSOR_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(tensorSize);
            out.writeEnum(TensorProto.DTYPE_FIELD_NUMBER, dtype.getNumber());
            out.writeTag(TensorProto.TENSOR_SHAPE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(shapeSize);
            writeDim(out, 1);
            writeDim(out, rows);
            writeDim(out, 3);
            out.writeTag(TensorProto.TENSOR_CONTENT_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(length);
            out.writeRawBytes(content, 0, length);
        }

        private static void writeDim(CodedOutputStream out, long size) throws IOException {
            out.writeTag(TensorShapeProto.DIM_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(CodedOutputStream.computeInt64Size(TensorShapeProto.Dim.SIZE_FIELD_NUMBER, size));
            out.writeInt64(TensorShapeProto.Dim.SIZE_FIELD_NUMBER, size);
        }
    }
}
