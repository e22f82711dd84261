package news.wire.testkit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A W3C {@code traceparent} value (version 00), for tests that start a trace or check where one went. */
public record TraceParent(String traceId, String spanId, boolean sampled) {

    public static final String HEADER = "traceparent";

    /** A new sampled trace with random ids, as a caller upstream of the pipeline would start one. */
    public static TraceParent random() {
        return new TraceParent(randomHex(16), randomHex(8), true);
    }

    /** Parses a header value; fails the test when it is not a well-formed version 00 traceparent. */
    public static TraceParent parse(String value) {
        String[] parts = value == null ? new String[0] : value.split("-");
        if (parts.length != 4 || !parts[0].equals("00") || !isHex(parts[1], 32) || !isHex(parts[2], 16)
                || !isHex(parts[3], 2) || parts[1].matches("0+") || parts[2].matches("0+")) {
            throw new AssertionError("Not a valid W3C traceparent: " + value);
        }
        return new TraceParent(parts[1], parts[2], (Integer.parseInt(parts[3], 16) & 1) == 1);
    }

    /** The traceparent a Kafka record carries; fails the test when it has none. */
    public static TraceParent of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        if (header == null || header.value() == null) {
            throw new AssertionError("No " + HEADER + " header on " + record.topic() + " record " + record.key());
        }
        return parse(new String(header.value(), StandardCharsets.UTF_8));
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zeros, which W3C reserves for "no id"
        return HexFormat.of().formatHex(id);
    }

    private static boolean isHex(String text, int length) {
        return text.length() == length && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
