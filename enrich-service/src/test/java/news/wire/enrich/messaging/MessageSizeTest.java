package news.wire.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.junit.jupiter.api.Test;

/** Our estimate against the one KafkaProducer checks max.request.size with (an internal class, read here only). */
class MessageSizeTest {

    @Test
    void neverUnderKafkasOwnEstimateAndCloseToIt() {
        String[] values = {null, "", "{}", "plain ascii ".repeat(10_000), "café “quoted” ".repeat(5_000),
                "emoji \uD83C\uDF0A and CJK 港口 ".repeat(3_000), LongCopy.body(200_000)};
        for (String value : values) {
            ProducerRecord<String, String> record = new ProducerRecord<>("articles.enriched",
                    "0b6f1c7e-3a52-4d8e-9f0a-5c2e7d1b9a44", value);
            record.headers().add("traceparent",
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
            record.headers().add("error.message", "ü".repeat(300).getBytes(StandardCharsets.UTF_8));
            long kafka = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
                    CompressionType.LZ4, bytes(record.key()), bytes(value), record.headers().toArray());
            long ours = MessageSize.upperBound(record);
            assertTrue(ours >= kafka, () -> "ours " + ours + " < Kafka's " + kafka);
            assertTrue(ours - kafka < 64, () -> "ours " + ours + " far above Kafka's " + kafka);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
