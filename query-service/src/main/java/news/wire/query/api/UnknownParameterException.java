package news.wire.query.api;

import java.util.List;
import java.util.Set;

/** Query parameters an endpoint does not take: a misspelt filter must fail, not quietly return everything. */
public class UnknownParameterException extends RuntimeException {

    private final List<String> unknown;
    private final Set<String> known;

    public UnknownParameterException(List<String> unknown, Set<String> known) {
        super("Unknown query parameter" + (unknown.size() == 1 ? "" : "s") + ": " + String.join(", ", unknown)
                + (known.isEmpty() ? "; this endpoint takes none" : "; this endpoint takes " + String.join(", ", known)));
        this.unknown = unknown;
        this.known = known;
    }

    public List<String> unknown() {
        return unknown;
    }

    public Set<String> known() {
        return known;
    }
}
