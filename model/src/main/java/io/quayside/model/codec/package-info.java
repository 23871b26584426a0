/**
 * The binary batch format, version 1 ({@link io.quayside.model.codec.SampleBatchCodec}).
 *
 * <h2>Primitives</h2>
 * <ul>
 *   <li><b>varint</b>: unsigned LEB128, at most 10 bytes. <b>zigzag</b>: a signed value as the varint
 *       of {@code (v << 1) ^ (v >> 63)}. <b>ref</b>: a varint index into the string dictionary.</li>
 * </ul>
 *
 * <h2>Header (5 bytes)</h2>
 * <pre>
 *   'Q' 'S' 'B'   magic
 *   0x01          version
 *   flags         bit 0: the body is deflated (zlib format, java.util.zip); other bits must be 0
 * </pre>
 * The body follows, raw or deflated; nothing may follow the body or the deflate stream.
 *
 * <h2>Body</h2>
 * <pre>
 *   dictionary   varint count, then per string: varint UTF-8 length, the UTF-8 bytes
 *   batch        ref batchId, ref tenant, ref node, ref agentVersion, zigzag sentAtMs
 *   families     varint count, then per family: ref name, type byte, ref help
 *                (types: 0 counter, 1 gauge, 2 histogram, 3 summary, 4 untyped)
 *   samples      varint count n, then three columns of n entries each:
 *     labels       each set as a delta to the previous sample's set (see LabelSetWriter):
 *                  varint(mask &lt;&lt; 1) then a value ref per set mask bit: same names, those values changed;
 *                  varint(count &lt;&lt; 1 | 1) then count (name ref, value ref) pairs: a complete set
 *     timestamps   zigzag delta to the previous sample's timestamp; the first to sentAtMs
 *     values       varint(zigzag(m) &lt;&lt; 4 | c) for m / 10^c, c in 0..9, |m| &lt;= 2^53, bit-exact;
 *                  or varint 15 and 8 IEEE bytes, big-endian (see CompactDouble)
 * </pre>
 * Strings are stored once per batch, in order of first use. Columns rather than rows put alike
 * bytes together: label deltas repeat from one metric family to the next and timestamps are
 * mostly zero deltas, which deflate reduces to almost nothing, leaving the values.
 *
 * <p>Decoded label names are interned, and samples share the dictionary's strings.
 * Error offsets in {@link io.quayside.model.codec.BatchFormatException} messages are positions in
 * the encoded bytes, or in the inflated body when the body is deflated.
 */
package io.quayside.model.codec;
