package news.wire.enrich.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * How large a record is as the producer measures it against max.request.size, and the broker (for a record alone in
 * its batch) against max.message.bytes. Never less than Kafka's own estimate, so a record this accepts is one the
 * producer accepts.
 */
final class MessageSize {

    /** A record batch's header (magic v2), which a record sent alone carries whole. */
    static final int BATCH_OVERHEAD = 61;
    /** Length, attributes, timestamp and offset deltas of one record, each as its longest varint, and the count. */
    static final int RECORD_OVERHEAD = 21 + 5;
    /** The two varint lengths of a key or value, or of a header's name and value. */
    static final int LENGTHS = 10;

    private MessageSize() {
    }

    /** The serialized size of the record as one batch, or a little more: key, value, headers and framing. */
    static long upperBound(ProducerRecord<String, String> record) {
        long size = BATCH_OVERHEAD + RECORD_OVERHEAD + LENGTHS + utf8(record.key()) + utf8(record.value());
        for (Header header : record.headers()) {
            size += LENGTHS + utf8(header.key()) + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    private static long utf8(String text) {
        if (text == null) {
            return 0;
        }
        // The exact UTF-8 length without encoding a copy of a text that may run to megabytes.
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
