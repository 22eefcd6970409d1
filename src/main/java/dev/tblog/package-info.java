/**
 * tblog: asynchronous TensorBoard logging for the JVM. Start with {@link dev.tblog.Logger}.
 */
package dev.tblog;
