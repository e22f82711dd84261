package news.wire.deploy.crossdoc;

import java.util.List;

/** Which tagged mention stands for a gold mention: the one overlapping its characters most, in the same field. */
final class MentionMatch {

    /** A mention the stack tagged, with the canonical id of its entity. */
    record Tagged(String field, int start, int end, String entity) {
    }

    private MentionMatch() {
    }

    /** The tagged mention overlapping {@code gold} most, or null when none overlaps it. */
    static Tagged best(ArticleText.Span gold, List<Tagged> tagged) {
        Tagged best = null;
        int bestOverlap = 0;
        for (Tagged mention : tagged) {
            if (!mention.field().equals(gold.field())) {
                continue;
            }
            int overlap = Math.min(gold.end(), mention.end()) - Math.max(gold.start(), mention.start());
            if (overlap > bestOverlap) {
                best = mention;
                bestOverlap = overlap;
            }
        }
        return best;
    }
}
