/**
 * The custom scalars kind ({@code addCustomScalars}), in one place: the layout
 * ({@link dev.tblog.customscalars.ScalarLayout}: categories of multiline and margin charts,
 * validated and serialized once), the producer half, the plain-data payload, and the consumer half
 * ({@code CustomScalarsEncoder}: the {@code custom_scalars__config__} summary TensorBoard's CUSTOM
 * SCALARS dashboard reads).
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer; a
 * built layout is immutable.
 */
package dev.tblog.customscalars;
