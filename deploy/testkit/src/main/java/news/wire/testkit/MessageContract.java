package news.wire.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** A topic's message contract from deploy/schemas, used by producers' and consumers' contract tests. */
public final class MessageContract {

    public static final MessageContract RAW_ARTICLE = new MessageContract("article.raw.v1.json");
    public static final MessageContract ENRICHED_ARTICLE = new MessageContract("article.enriched.v1.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String fileName;

    private MessageContract(String fileName) {
        this.fileName = fileName;
    }

    /** The contract's violations by this JSON message; empty when it conforms. */
    public List<String> violations(String json) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(RepositoryLayout.schema(fileName)), config);
            return schema.validate(json, com.networknt.schema.InputFormat.JSON).stream()
                    .map(ValidationMessage::getMessage)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample message that satisfies the contract, read from deploy/schemas/examples. */
    public String example() {
        try {
            return Files.readString(RepositoryLayout.root().resolve("deploy/schemas/examples").resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample message for another article id, as a tree for the test to change further. */
    public ObjectNode example(String id) {
        try {
            ObjectNode message = (ObjectNode) JSON.readTree(example());
            message.put("id", id);
            return message;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
