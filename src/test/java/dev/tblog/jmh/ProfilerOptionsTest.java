package dev.tblog.jmh;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilerOptionsTest {
    @Test
    void shouldDefaultToRunsJmhWithoutALabel() throws ProfilerException {
        assertThat(ProfilerOptions.parse("")).isEqualTo(new ProfilerOptions(Path.of("runs", "jmh"), null));
        assertThat(ProfilerOptions.parse(null)).isEqualTo(new ProfilerOptions(Path.of("runs", "jmh"), null));
    }

    @Test
    void shouldReadLogdirAndLabelSeparatedBySemicolonsInAnyOrder() throws ProfilerException {
        assertThat(ProfilerOptions.parse("label=commit-0a1b;logdir=/tmp/tb runs;"))
            .isEqualTo(new ProfilerOptions(Path.of("/tmp/tb runs"), "commit-0a1b"));
    }

    @Test
    void shouldRefuseWithTheUsageWhatItDoesNotKnow() {
        assertThatThrownBy(() -> ProfilerOptions.parse("logdir=runs;colour=blue")).isInstanceOf(ProfilerException.class)
            .hasMessageContaining("unknown option 'colour'").hasMessageContaining("Usage:");
        assertThatThrownBy(() -> ProfilerOptions.parse("logdir")).isInstanceOf(ProfilerException.class)
            .hasMessageContaining("'logdir' needs a value");
        assertThatThrownBy(() -> ProfilerOptions.parse("label=a/b")).isInstanceOf(ProfilerException.class)
            .hasMessageContaining("bad label 'a/b'");
        assertThatThrownBy(() -> ProfilerOptions.parse("help")).isInstanceOf(ProfilerException.class)
            .hasMessageContaining("logdir=DIR").hasMessageContaining("label=NAME");
    }

    @Test
    void shouldBeWhatTheProfilersConstructorTakesSoJmhFailsBeforeRunningOnABadOption() {
        assertThatThrownBy(() -> new TensorBoardProfiler("label=..")).isInstanceOf(ProfilerException.class);
    }
}
