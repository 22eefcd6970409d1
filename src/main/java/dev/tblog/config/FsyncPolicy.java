package dev.tblog.config;

/**
 * When written data are forced to the disk. Writes reach the OS (and survive a killed process)
 * within milliseconds whatever the policy; fsync only matters for a machine that loses power.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum FsyncPolicy {
    /** Never fsync; the OS writes back on its own schedule. */
    NEVER("never"),
    /** fsync once, at close. */
    CLOSE("close"),
    /** fsync at every flush() and at close. */
    FLUSH("flush");

    private final String configName;

    FsyncPolicy(String configName) {
        this.configName = configName;
    }

    @Override
    public String toString() {
        return configName;
    }
}
