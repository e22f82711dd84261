package news.wire.deploy.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.testkit.MessageContract;

/**
 * The two message contracts of deploy/schemas against their own examples, against messages written before the
 * provider's metadata was carried (which consumers may still replay), and against malformed metadata.
 */
class MessageContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROVIDER_FIELDS =
            List.of("versionCreated", "subjects", "people", "organisations", "places");

    /** Both contracts, each with its example. */
    enum Contract {
        RAW(MessageContract.RAW_ARTICLE), ENRICHED(MessageContract.ENRICHED_ARTICLE);

        final MessageContract contract;

        Contract(MessageContract contract) {
            this.contract = contract;
        }
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void theExampleMeetsItsContractAndCarriesTheProvidersMetadata(Contract c) throws Exception {
        String example = c.contract.example();

        assertEquals(List.of(), c.contract.violations(example));
        ObjectNode message = (ObjectNode) JSON.readTree(example);
        for (String field : PROVIDER_FIELDS) {
            assertFalse(message.path(field).isMissingNode(), field + " is missing from the example");
        }
        assertEquals("By Ines Calder", message.path("byline").asText());
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void messagesWrittenBeforeTheMetadataWasCarriedStillMeetTheContract(Contract c) throws Exception {
        assertEquals(List.of(), violations(c, m -> {
            PROVIDER_FIELDS.forEach(m::remove);
            m.remove("byline");
        }));
        assertEquals(List.of(), violations(c, m -> m.putNull("byline").putNull("versionCreated")));
        assertEquals(List.of(), violations(c, m -> {
            m.putArray("subjects");
            m.putArray("people");
        }));
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void aSubjectNeedsACodeOrAName(Contract c) throws Exception {
        assertEquals(List.of(), violations(c, m -> m.putArray("subjects").addObject().put("name", "Local government")));
        assertEquals(List.of(), violations(c, m -> m.putArray("subjects").addObject().put("code", "20000256")));
        assertRefused(c, m -> m.putArray("subjects").addObject().put("scheme", "medtop"));
        assertRefused(c, m -> m.putArray("subjects").addObject());
        assertRefused(c, m -> m.putArray("subjects").addObject().put("code", ""));
        assertRefused(c, m -> m.putArray("subjects").addObject().put("code", "1").put("relevance", 90));
        assertRefused(c, m -> m.putArray("subjects").add("medtop:20000256"));
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void taggedNamesAndTheVersionTimeAreChecked(Contract c) throws Exception {
        assertRefused(c, m -> m.putArray("people").add(""));
        assertRefused(c, m -> m.putArray("places").add("x".repeat(1_001)));
        assertRefused(c, m -> m.putArray("organisations").addObject().put("name", "Port of Valmora"));
        assertRefused(c, m -> m.put("versionCreated", "yesterday"));
    }

    private static List<String> violations(Contract c, Consumer<ObjectNode> change) throws Exception {
        ObjectNode message = (ObjectNode) JSON.readTree(c.contract.example());
        change.accept(message);
        return c.contract.violations(message.toString());
    }

    private static void assertRefused(Contract c, Consumer<ObjectNode> change) throws Exception {
        assertFalse(violations(c, change).isEmpty(), "the " + c + " contract accepted a malformed message");
    }
}
