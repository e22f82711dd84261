package news.wire.query.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.context.propagation.TextMapGetter;

/** Reads propagation fields from Kafka record headers (UTF-8). */
public enum KafkaHeaderGetter implements TextMapGetter<Headers> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Headers headers) {
        List<String> keys = new ArrayList<>();
        headers.forEach(header -> keys.add(header.key()));
        return keys;
    }

    @Override
    public String get(Headers headers, String key) {
        Header header = headers == null ? null : headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
