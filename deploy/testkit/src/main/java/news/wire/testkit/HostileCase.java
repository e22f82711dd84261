package news.wire.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request a broken or hostile client might send to a service, and the answer the service owes it: a 4xx
 * problem document of a stable type, or (for input that is odd but legitimate) an ordinary answer.
 *
 * @param category the kind of attack or breakage, for the counts each suite prints
 * @param name what the case throws, as shown in the test report
 * @param method the HTTP method
 * @param target path and query, already percent-encoded as they go on the wire
 * @param headers request headers; a case without Content-Type sends none
 * @param body the exact bytes sent, or null for no body
 * @param status the status the service must answer with
 * @param problemType the problem {@code type} expected with a 4xx, null for an accepted case
 * @param perLine whether status and problem are expected in the one result line of an NDJSON batch answer (the
 *        request itself succeeding with 200) rather than as the answer itself
 * @param answerCheck for an accepted case, what its JSON answer must show beyond the status (may do nothing)
 */
public record HostileCase(String category, String name, String method, String target, Map<String, String> headers,
                          byte[] body, int status, String problemType, boolean perLine,
                          Consumer<JsonNode> answerCheck) {

    public static final String PROBLEM_PREFIX = "urn:problem:wire:";

    /** Whether the service must refuse the request with a problem document. */
    public boolean refused() {
        return problemType != null;
    }

    @Override
    public String toString() {
        return category + ": " + name;
    }

    public static Builder get(String category, String name, String target) {
        return new Builder(category, name, "GET", target);
    }

    public static Builder post(String category, String name, String target) {
        return new Builder(category, name, "POST", target);
    }

    public static Builder request(String category, String name, String method, String target) {
        return new Builder(category, name, method, target);
    }

    /** {@code name=value} percent-encoded for a query string, so hostile values arrive exactly as written. */
    public static String param(String name, String value) {
        return name + "=" + encode(value);
    }

    /** A path segment or query value percent-encoded (spaces as %20, which both places accept). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Builds a case; ends with {@link #refused} or {@link #answered}. */
    public static final class Builder {
        private final String category;
        private final String name;
        private final String method;
        private final String target;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Builder(String category, String name, String method, String target) {
            this.category = category;
            this.name = name;
            this.method = method;
            this.target = target;
        }

        public Builder header(String header, String value) {
            headers.put(header, value);
            return this;
        }

        public Builder contentType(String value) {
            return header("Content-Type", value);
        }

        /** A body in UTF-8 (use {@link #body(byte[])} for bytes that are not). */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        /** The text in UTF-8 with the marker replaced by raw bytes, which need not be valid UTF-8. */
        public Builder body(String text, String marker, int... bytes) {
            int at = text.indexOf(marker);
            byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] tail = text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + bytes.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            for (int i = 0; i < bytes.length; i++) {
                all[head.length + i] = (byte) bytes[i];
            }
            System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
            return body(all);
        }

        /** Must be refused with this status and {@code urn:problem:wire:<type>}. */
        public HostileCase refused(int status, String type) {
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException("A refusal is a 4xx, not " + status);
            }
            return new HostileCase(category, name, method, target, Map.copyOf(headers), body, status,
                    PROBLEM_PREFIX + type, false, null);
        }

        /** Must be answered 200 with one NDJSON result line that refuses the line with this status and type. */
        public HostileCase refusedLine(int status, String type) {
            HostileCase whole = refused(status, type);
            return new HostileCase(category, name, method, target, whole.headers(), body, status, whole.problemType(),
                    true, null);
        }

        /** Must be answered normally with this status: odd input a service should take (and store safely). */
        public HostileCase answered(int status) {
            return answered(status, answer -> { });
        }

        /** Must be answered normally with this status and a JSON answer that passes the check. */
        public HostileCase answered(int status, Consumer<JsonNode> answerCheck) {
            return new HostileCase(category, name, method, target, Map.copyOf(headers), body, status, null, false,
                    answerCheck);
        }
    }
}
