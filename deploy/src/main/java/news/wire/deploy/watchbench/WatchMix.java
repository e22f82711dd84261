package news.wire.deploy.watchbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The watches a benchmark registers, as POST /v1/watches bodies: mostly a newsroom's kind of standing searches over
 * wire copy (words, an entity, an entity type, a source, a figure), which match the corpus now and then and have no
 * webhook; and a known few, the probes, each matching exactly the posted articles of one group (by the group's word,
 * which only those articles carry) and posting to a webhook, so every delivery can be expected and timed.
 */
final class WatchMix {

    private static final String[] WORDS = {"strike", "merger", "tariff", "election", "inflation", "drought",
            "refinery", "ceasefire", "dividend", "recall", "layoffs", "harvest", "bond yields", "interest rates",
            "oil prices", "trade deficit", "takeover bid", "central bank", "crude output", "wheat exports"};
    private static final String[] ENTITIES = {"Iraq", "Japan", "OPEC", "Chrysler", "General Motors", "Brazil",
            "Bank of England", "Federal Reserve", "Reagan", "Thatcher", "Texaco", "Volkswagen", "Kuwait", "Nigeria",
            "British Airways", "IBM", "Mexico", "Chelsea", "Blair", "Microsoft"};
    private static final String[] ENTITY_TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"};
    private static final String[] SOURCES = {"Reuters", "BBC News", "Example Wire", "Harbour Gazette"};
    private static final String[] NUMBER_KINDS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"};
    private static final String[] COUNTED = {"barrels", "tonnes", "shares", "jobs", "passengers"};

    private final ObjectMapper json = new ObjectMapper();
    private final String run;
    private final int groups;

    /** @param run a word of letters and digits unique to the run; @param groups how many groups the articles fall in */
    WatchMix(String run, int groups) {
        if (groups < 1 || !run.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("run must be letters and digits, groups at least 1");
        }
        this.run = run;
        this.groups = groups;
    }

    /** The word only the posted articles of group G carry. */
    String groupWord(int group) {
        return "wb" + run + "g" + group;
    }

    /** The group the Nth posted article falls in. */
    int groupOf(long n) {
        return (int) (n % groups);
    }

    /**
     * COUNT standing searches, the Ith from SEED and I alone (so 1,000 of them are the first 1,000 of 10,000), in a
     * mix of six shapes; none has a webhook.
     */
    List<ObjectNode> standing(int from, int count, long seed) {
        List<ObjectNode> watches = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            ObjectNode w = json.createObjectNode().put("name", "standing " + run + " " + i);
            switch (i % 6) {
                case 0 -> w.put("q", pick(random, WORDS));
                case 1 -> w.put("entity", pick(random, ENTITIES));
                case 2 -> w.put("q", pick(random, WORDS)).put("entityType", pick(random, ENTITY_TYPES));
                case 3 -> w.put("q", pick(random, WORDS)).put("source", pick(random, SOURCES));
                case 4 -> w.put("numberKind", pick(random, NUMBER_KINDS)).put("min", 1 + random.nextInt(1_000))
                        .put("q", pick(random, WORDS));
                default -> w.put("countedThing", pick(random, COUNTED)).put("min", 10 * (1 + random.nextInt(100)))
                        .put("entity", pick(random, ENTITIES));
            }
            watches.add(w);
        }
        return watches;
    }

    /**
     * Probe I: the word of group I modulo the groups, alone or with a filter every posted article meets (English, a
     * source among the corpora's, a publication date after 1980), posting to WEBHOOK.
     */
    ObjectNode probe(int i, String webhook) {
        ObjectNode w = json.createObjectNode().put("name", "probe " + run + " " + i).put("q", groupWord(i % groups));
        switch (i % 4) {
            case 1 -> w.put("language", "en");
            case 2 -> w.putArray("source").add("Reuters").add("BBC News");
            case 3 -> w.put("from", "1980-01-01T00:00:00Z");
            default -> {
            }
        }
        w.putObject("webhook").put("url", webhook);
        return w;
    }

    /** How many probes of PROBES match an article of GROUP. */
    int probesMatching(int group, int probes) {
        int matching = 0;
        for (int i = 0; i < probes; i++) {
            matching += i % groups == group ? 1 : 0;
        }
        return matching;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
