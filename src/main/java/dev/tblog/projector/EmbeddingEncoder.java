package dev.tblog.projector;

import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.encode.RunAssets;
import dev.tblog.image.ImageShape;
import dev.tblog.image.SpriteEncoder;
import dev.tblog.proto.projector.EmbeddingInfo;
import dev.tblog.proto.projector.SpriteMetadata;
import dev.tblog.record.RunNames;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The consumer half of the embedding kind: writes one call's files into the run's projector folder,
 * each atomically (the run's {@link RunAssets}: a temporary name, fsync unless
 * {@code fsync.policy=never}, a rename), then its entry, then rebuilds the config
 * ({@link ProjectorConfigFile}):
 * <pre>
 * plugins/org_tensorflow_tensorboard_projector/
 *   step-0000000400.host.4242.0000000003/tensor.bin      N x D float32 (or tensor.tsv, see TensorFile)
 *   step-0000000400.host.4242.0000000003/metadata.tsv    labels, or a header and columns
 *   step-0000000400.host.4242.0000000003/sprite.png      k x k thumbnails, k = ceil(sqrt(N))
 *   entries/step-0000000400.host.4242.0000000003.pbtxt   tensor_name "tag:00400", tensor_shape [N, D], paths
 *   projector_config.pbtxt                               every entry of the run
 * </pre>
 * The files an entry names are in place before the entry, and the entry before the config: a reader
 * never finds a config naming a missing or half-written file. The Python writers write no event for
 * an embedding, and neither does this.
 *
 * <p>Thread contract: consumer thread only. Keeps its buffers, sprite encoder and the parsed entries.
 */
final class EmbeddingEncoder implements PayloadEncoder {
    /** The embedding kind: drops are counted as {@code "embedding"}. */
    public static final PayloadKind<EmbeddingEncoder> KIND =
        PayloadKind.of("embedding", EmbeddingEncoder.class, EmbeddingEncoder::new);

    private final TensorFile tensors = new TensorFile();
    private final SpriteEncoder sprites = new SpriteEncoder();
    private final MetadataFile metadata = new MetadataFile();
    private final ProjectorConfigFile config = new ProjectorConfigFile();

    void write(EmbeddingPayload embedding, EventWriter out) throws IOException {
        RunAssets assets = out.assets();
        String id = RunNames.nextEmbedding(embedding.step());
        String folder = RunNames.PROJECTOR_FOLDER + "/" + id + "/";
        EmbeddingInfo.Builder entry = EmbeddingInfo.newBuilder()
            .setTensorName(RunNames.embeddingName(embedding.tag(), embedding.step()))
            .addTensorShape(embedding.rows())
            .addTensorShape(embedding.dims());

        String tensorFile = tensors.encode(embedding.values(), embedding.rows(), embedding.dims());
        assets.write(folder + tensorFile, tensors.content());
        entry.setTensorPath(id + "/" + tensorFile);

        if (embedding.cells() != null) {
            assets.write(folder + RunNames.EMBEDDING_METADATA,
                metadata.encode(embedding.header(), embedding.cells(), embedding.rows()));
            entry.setMetadataPath(id + "/" + RunNames.EMBEDDING_METADATA);
        }
        if (embedding.thumbnails() != null) {
            ImageShape shape = embedding.thumbnails().shape();
            int length = sprites.encode(embedding.thumbnails(), embedding.compressionLevel());
            assets.write(folder + RunNames.EMBEDDING_SPRITE, ByteBuffer.wrap(sprites.buffer(), 0, length));
            entry.setSprite(SpriteMetadata.newBuilder().setImagePath(id + "/" + RunNames.EMBEDDING_SPRITE)
                .addSingleImageDim(shape.width()).addSingleImageDim(shape.height()));
        }
        config.add(assets, id, entry.build());
    }

    @Override
    public void close() {
        sprites.close();
    }
}
