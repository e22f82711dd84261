package news.wire.query.stories;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.PointerUtils;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.list.PointerTargetNode;
import net.sf.extjwnl.data.list.PointerTargetNodeList;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * What sort of thing a figure counts, from WordNet 3.1 (extJWNL): people ("refugees", "hostages", "the dead"), a
 * group of them ("families", "battalions"), a measure ("months", "tonnes"), or something else ("homes", "sides"). Read
 * from the word's first sense, the one news copy means far more often than not.
 */
final class CountedKinds {

    /** The sorts a figures table tells apart. */
    enum Kind {
        PEOPLE, GROUP, MEASURE, OTHER
    }

    private static final Logger LOG = Logger.getLogger(CountedKinds.class);
    /** Words news copy counts people by whose first WordNet sense is something else ("lives lost"). */
    private static final Set<String> PEOPLE_IN_NEWS = Set.of("life", "dead", "injured", "wounded", "missing",
            "displaced", "homeless");
    /**
     * Words already looked up. The counted things of wire copy are a few thousand nouns ("people", "shares",
     * "tonnes"), but figures table after figures table adds misreadings, names and numbers a reader cannot foresee,
     * so only the most recently read 10,000 are kept (about 1 MB); a word pushed out costs one WordNet look-up.
     */
    static final int MOST_KNOWN = 10_000;
    private static final Map<String, Kind> KNOWN = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kind> eldest) {
            return size() > MOST_KNOWN;
        }
    };

    private CountedKinds() {
    }

    /** The sort of thing the counted thing names (its last word decides: "Palestinian prisoners" are people). */
    static Kind of(String counted) {
        String word = counted.substring(counted.lastIndexOf(' ') + 1);
        Kind known;
        synchronized (KNOWN) {
            known = KNOWN.get(word);
        }
        if (known != null) {
            return known;
        }
        // Looked up outside the lock, so readers of known words never wait behind a WordNet read.
        Kind kind = lookUp(word);
        synchronized (KNOWN) {
            KNOWN.put(word, kind);
        }
        return kind;
    }

    static int known() {
        synchronized (KNOWN) {
            return KNOWN.size();
        }
    }

    private static Kind lookUp(String word) {
        if (PEOPLE_IN_NEWS.contains(word)) {
            return Kind.PEOPLE;
        }
        Dictionary wordNet = WordNet.DICTIONARY;
        if (wordNet == null) {
            return Kind.OTHER;
        }
        try {
            synchronized (wordNet) {
                IndexWord noun = wordNet.lookupIndexWord(POS.NOUN, word);
                if (noun == null || noun.getSenses().isEmpty()) {
                    return Kind.OTHER;
                }
                Synset first = noun.getSenses().get(0);
                if (names(first, "person", "people")) {
                    return Kind.PEOPLE;
                }
                for (PointerTargetNodeList chain : PointerUtils.getHypernymTree(first).toList()) {
                    for (PointerTargetNode node : chain) {
                        Synset hypernym = node.getSynset();
                        if (names(hypernym, "person", "people")) {
                            return Kind.PEOPLE;
                        }
                        if (names(hypernym, "social group")) {
                            return Kind.GROUP;
                        }
                        if (names(hypernym, "measure")) {
                            return Kind.MEASURE;
                        }
                    }
                }
                return Kind.OTHER;
            }
        } catch (JWNLException e) {
            LOG.warnf("WordNet could not look up \"%s\": %s", word, e.getMessage());
            return Kind.OTHER;
        }
    }

    private static boolean names(Synset synset, String... lemmas) {
        for (String lemma : lemmas) {
            if (synset.containsWord(lemma)) {
                return true;
            }
        }
        return false;
    }

    /** The dictionary, read from its jar on first use (about a second); null if it cannot be read. */
    private static final class WordNet {
        static final Dictionary DICTIONARY = load();

        private static Dictionary load() {
            try {
                return Dictionary.getDefaultResourceInstance();
            } catch (JWNLException e) {
                LOG.errorf("WordNet not readable, figures tables keep every counted thing: %s", e.getMessage());
                return null;
            }
        }
    }
}
