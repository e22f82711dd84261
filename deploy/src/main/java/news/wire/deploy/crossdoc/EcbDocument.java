package news.wire.deploy.crossdoc;

import java.util.List;

/**
 * One ECB+ document: its tokens and the gold entity mentions that belong to a cross-document chain.
 *
 * @param topic the ECB+ topic (1..45)
 * @param name the file name, e.g. {@code 1_10ecbplus.xml}
 * @param subTopic {@code "ecb"} or {@code "ecbplus"}: the two real events of a topic
 * @param tokens in document order
 * @param mentions gold mentions of people, organisations and places in a cross-document chain
 */
public record EcbDocument(int topic, String name, String subTopic, List<Token> tokens, List<GoldMention> mentions) {

    public EcbDocument {
        tokens = List.copyOf(tokens);
        mentions = List.copyOf(mentions);
    }

    /** The gold story: a topic's sub-topic, e.g. {@code "1/ecbplus"}. */
    public String goldStory() {
        return topic + "/" + subTopic;
    }

    /** A token as the corpus gives it. */
    public record Token(int id, int sentence, String text) {
    }

    /**
     * A markable of an entity type, in a cross-document chain.
     *
     * @param markableId the markable's {@code m_id} (unique within the document)
     * @param type e.g. {@code HUMAN_PART_PER}, {@code LOC_GEO}
     * @param tokenIds the token ids it spans
     * @param chain the chain id (the relation's {@code note}): one real-world entity
     */
    public record GoldMention(int markableId, String type, List<Integer> tokenIds, String chain) {

        public GoldMention {
            tokenIds = List.copyOf(tokenIds);
        }
    }
}
