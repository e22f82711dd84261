package news.wire.enrich.numbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Phrases of one or more tokens ("per cent", "km/h", "US$") found at a position of the copy, longest first. */
final class PhraseTable<V> {

    /** A phrase found at a position: what it stands for and the token after it. */
    record Match<V>(V value, int next) {
    }

    private record Entry<V>(String[] parts, V value, boolean exactCase, boolean attachedOnly) {
    }

    private final Map<String, List<Entry<V>>> byFirstToken = new HashMap<>();

    PhraseTable<V> add(String phrase, V value) {
        return put(phrase, value, false, false);
    }

    /** A phrase that only counts when written against the figure, as the "C" of "20C". */
    PhraseTable<V> addAttached(String phrase, V value) {
        return put(phrase, value, false, true);
    }

    /** A phrase whose letter case matters: "Rs", "USD", the "g" of grams against the "G" of 5G. */
    PhraseTable<V> addExact(String phrase, V value, boolean attachedOnly) {
        return put(phrase, value, true, attachedOnly);
    }

    private PhraseTable<V> put(String phrase, V value, boolean exactCase, boolean attachedOnly) {
        CopyTokens tokens = CopyTokens.of(phrase);
        String[] parts = new String[tokens.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = exactCase ? tokens.raw(i) : tokens.key(i);
        }
        List<Entry<V>> entries = byFirstToken.computeIfAbsent(tokens.key(0), k -> new ArrayList<>());
        entries.add(new Entry<>(parts, value, exactCase, attachedOnly));
        entries.sort(Comparator.comparingInt((Entry<V> e) -> e.parts().length).reversed());
        return this;
    }

    /** The longest phrase starting at token i, or null. */
    Match<V> at(CopyTokens tokens, int i) {
        List<Entry<V>> entries = byFirstToken.get(tokens.key(i));
        if (entries == null) {
            return null;
        }
        for (Entry<V> entry : entries) {
            if (entry.attachedOnly() && !tokens.attached(i)) {
                continue;
            }
            if (matches(tokens, i, entry)) {
                return new Match<>(entry.value(), i + entry.parts().length);
            }
        }
        return null;
    }

    private static boolean matches(CopyTokens tokens, int i, Entry<?> entry) {
        String[] parts = entry.parts();
        if (i + parts.length > tokens.size()) {
            return false;
        }
        for (int p = 0; p < parts.length; p++) {
            boolean same = entry.exactCase() ? tokens.rawEquals(i + p, parts[p]) : tokens.is(i + p, parts[p]);
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
