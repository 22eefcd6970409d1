/**
 * Typed configuration: every key ({@link dev.tblog.config.ConfigKey}, spelled once, with its
 * default, range and documentation), the immutable validated {@link dev.tblog.config.TblogConfig},
 * the {@link dev.tblog.config.ConfigLoader} (file, environment, class path, system properties), and
 * the enums its getters return.
 *
 * <p>Thread contract: immutable values, any thread; loading runs on the thread that builds a logger.
 */
package dev.tblog.config;
