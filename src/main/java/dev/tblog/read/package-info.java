/**
 * Reading event files back, in plain Java values (no protobuf type in a signature): the record
 * reader ({@link dev.tblog.read.RecordReader}: framing and both CRCs, torn tails, corrupt records
 * with file and offset) and the inspection of a log folder as TensorBoard reads it
 * ({@link dev.tblog.read.LogInspector}: runs, tags, kinds, steps; {@link dev.tblog.read.InspectFormat}
 * as text or JSON).
 *
 * <p>Thread contract: a reader or an inspection is confined to the thread that runs it.
 */
package dev.tblog.read;
