package dev.tblog.record;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The host name used in run folders and file names, resolved once.
 *
 * <p>Thread contract: any thread.
 */
public final class Hosts {
    private static final String NAME = resolve();

    private Hosts() {
    }

    /** The short host name, with characters unfit for a file name replaced by '_'. */
    public static String name() {
        return NAME;
    }

    private static String resolve() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return host.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
