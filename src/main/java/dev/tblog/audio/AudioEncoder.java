package dev.tblog.audio;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The consumer half of the audio kind: turns the samples into a 16-bit PCM WAV ({@link Wav}) in a
 * reused buffer and writes it as a {@code Summary.Audio} value, as the Python writers do:
 * <pre>
 * value.audio   32 len                          field 6, Summary.Audio
 *                 0d f32                        sample_rate (a float)
 *                 10 channels 18 frames         num_channels, length_frames
 *                 22 n &lt;n WAV bytes&gt;           encoded_audio_string
 *                 2a 09 "audio/wav"             content_type
 * metadata      4a 07 0a 05 0a 03 "audio"       plugin "audio", empty content, first value of the tag only
 * </pre>
 * TensorBoard's loader keeps only the WAV bytes (no route returns the rate, channels or frames),
 * so the WAV header carries them too. It replaces this metadata by its own, as for images; it only
 * names the plugin for other readers.
 *
 * <p>Thread contract: consumer thread only. Once it has seen the longest clip it allocates nothing.
 */
final class AudioEncoder implements PayloadEncoder {
    /** The audio kind: drops are counted as {@code "audio"}. */
    public static final PayloadKind<AudioEncoder> KIND = PayloadKind.of("audio", AudioEncoder.class, AudioEncoder::new);
    /** The plugin that plays audio. */
    public static final String PLUGIN_NAME = "audio";
    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME))
        .build().toByteArray();

    private static final byte[] CONTENT_TYPE = Wav.CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII);

    private final AudioBody body = new AudioBody();
    private byte[] wav = new byte[0];

    void write(AudioPayload clip, EventWriter out, long wallTimeMillis) throws IOException {
        int length = encode(clip);
        body.of(clip, wav, length);
        out.writeValue(null, clip.tag(), clip.step(), wallTimeMillis, METADATA, body);
    }

    /** The clip's WAV file into {@link #wav}; returns its length. */
    private int encode(AudioPayload clip) {
        int samples = clip.samples();
        int length = Wav.fileBytes(samples);
        if (wav.length < length) {
            wav = new byte[length];
        }
        Wav.header(wav, 0, samples, clip.channels(), clip.sampleRate());
        if (clip.floats() != null) {
            Wav.pcm(clip.floats(), samples, wav, Wav.HEADER_BYTES);
        } else {
            Wav.pcm(clip.doubles(), samples, wav, Wav.HEADER_BYTES);
        }
        return length;
    }

    /** The {@code audio} field of a {@code Summary.Value}, pointed at the encoder's WAV buffer for one write. */
    private static final class AudioBody implements SummaryBody {
        private AudioPayload clip;
        private byte[] wav;
        private int wavLength;
        private int audioSize;

        void of(AudioPayload payload, byte[] buffer, int length) {
            this.clip = payload;
            this.wav = buffer;
            this.wavLength = length;
            this.audioSize = CodedOutputStream.computeFloatSize(Summary.Audio.SAMPLE_RATE_FIELD_NUMBER, payload.sampleRate())
                + CodedOutputStream.computeInt64Size(Summary.Audio.NUM_CHANNELS_FIELD_NUMBER, payload.channels())
                + CodedOutputStream.computeInt64Size(Summary.Audio.LENGTH_FRAMES_FIELD_NUMBER, payload.frames())
                + CodedOutputStream.computeTagSize(Summary.Audio.ENCODED_AUDIO_STRING_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(length) + length
                + CodedOutputStream.computeByteArraySize(Summary.Audio.CONTENT_TYPE_FIELD_NUMBER, CONTENT_TYPE);
        }

        @Override
        public int serializedSize() {
            return CodedOutputStream.computeTagSize(Summary.Value.AUDIO_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(audioSize) + audioSize;
        }

        @Override
        public void writeTo(CodedOutputStream out) throws IOException {
            out.writeTag(Summary.Value.AUDIO_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(audioSize);
            out.writeFloat(Summary.Audio.SAMPLE_RATE_FIELD_NUMBER, clip.sampleRate());
            out.writeInt64(Summary.Audio.NUM_CHANNELS_FIELD_NUMBER, clip.channels());
            out.writeInt64(Summary.Audio.LENGTH_FRAMES_FIELD_NUMBER, clip.frames());
            out.writeTag(Summary.Audio.ENCODED_AUDIO_STRING_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(wavLength);
            out.writeRawBytes(wav, 0, wavLength);
            out.writeByteArray(Summary.Audio.CONTENT_TYPE_FIELD_NUMBER, CONTENT_TYPE);
        }
    }
}
