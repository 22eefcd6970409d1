package dev.tblog.sink;

/**
 * Whether Hadoop's client can be loaded by tblog's class loader, asked without loading any class of
 * tblog that names Hadoop.
 *
 * <p>Thread contract: stateless but for a cached answer, any thread.
 */
final class HadoopPresence {
    private static volatile Boolean present;

    private HadoopPresence() {
    }

    static boolean onClassPath() {
        Boolean known = present;
        if (known == null) {
            known = probe();
            present = known;
        }
        return known;
    }

    private static boolean probe() {
        try {
            Class.forName("org.apache.hadoop.fs.FileSystem", false, HadoopPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
