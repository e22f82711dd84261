package news.wire.enrich.entities;

import java.util.Arrays;

/** The characters of a text that spans already claim, so no two spans kept overlap. */
final class ClaimedText {

    private final boolean[] claimed;

    ClaimedText(int length) {
        claimed = new boolean[length];
    }

    /** Claims [start, end) when no character of it is claimed yet; false, claiming nothing, otherwise. */
    boolean claim(int start, int end) {
        for (int i = start; i < end; i++) {
            if (claimed[i]) {
                return false;
            }
        }
        claimAnyway(start, end);
        return true;
    }

    /** Claims [start, end) whatever was claimed before: spans given, which later ones must not overlap. */
    void claimAnyway(int start, int end) {
        Arrays.fill(claimed, start, end, true);
    }
}
