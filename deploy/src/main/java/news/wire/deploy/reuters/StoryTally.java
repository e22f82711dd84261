package news.wire.deploy.reuters;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the stories a reading of the corpus saw, handed on and skipped (by reason). */
public final class StoryTally {

    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final Map<SkipReason, AtomicLong> skipped = new EnumMap<>(SkipReason.class);

    public StoryTally() {
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, new AtomicLong());
        }
    }

    void countKept() {
        seen.incrementAndGet();
        kept.incrementAndGet();
    }

    void countSkipped(SkipReason reason) {
        seen.incrementAndGet();
        skipped.get(reason).incrementAndGet();
    }

    /** Every REUTERS element read so far. */
    public long seen() {
        return seen.get();
    }

    /** Stories handed on as {@link ReutersStory}. */
    public long kept() {
        return kept.get();
    }

    public long skipped(SkipReason reason) {
        return skipped.get(reason).get();
    }

    public long skippedTotal() {
        return seen() - kept();
    }

    /** Non-zero counts only, in the order of {@link SkipReason}. */
    public Map<SkipReason, Long> skippedByReason() {
        Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
        skipped.forEach((reason, count) -> {
            if (count.get() > 0) {
                counts.put(reason, count.get());
            }
        });
        return counts;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append(seen()).append(" seen, ").append(kept()).append(" kept, ").append(skippedTotal()).append(" skipped");
        Map<SkipReason, Long> reasons = skippedByReason();
        if (!reasons.isEmpty()) {
            text.append(" (");
            reasons.forEach((reason, count) -> text.append(reason.label()).append(' ').append(count).append(", "));
            text.setLength(text.length() - 2);
            text.append(')');
        }
        return text.toString();
    }
}
