package news.wire.enrich.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/** Reads and writes propagation fields as Kafka record headers (UTF-8); a written field replaces one of its name. */
enum KafkaHeaderCarrier implements TextMapGetter<Headers>, TextMapSetter<Headers> {
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

    @Override
    public void set(Headers headers, String key, String value) {
        if (headers == null) {
            return;
        }
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
