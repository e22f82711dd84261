package news.wire.deploy.searchbench;

import java.util.List;

/**
 * The typical calls of the benchmark, each as the query-service request and the Elasticsearch request it amounts
 * to (the same query, filters, sort, size, aggregations and highlighting that query-service builds). The direct
 * form of a relevance search has no point in time: opening one is part of what the API does, and so of its cost.
 */
final class QueryMix {

    /** One typical call: its name, the API path and query, and the body sent straight to {@code _search}. */
    record Call(String name, String apiQuery, String directBody) {
    }

    private static final String NEWEST = "\"sort\":[{\"publishedAt\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"asc\"}}]";
    private static final String RELEVANCE = "\"sort\":[{\"_score\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"asc\"}}]";

    /** The stored fields query-service reads for a result row. */
    private static final String HIT_FIELDS = "\"_source\":{\"includes\":[\"version\",\"source\",\"headline\","
            + "\"publishedAt\",\"storyId\",\"entities.name\"]}";

    private QueryMix() {
    }

    static List<Call> calls(String entity, String entityType, String mentionedDay) {
        String text = "{\"simple_query_string\":{\"query\":\"oil prices\",\"fields\":[\"headline^2\",\"body\"],"
                + "\"quote_field_suffix\":\".exact\",\"default_operator\":\"and\"}}";
        // The API is given the entity's id; short names standing alone for it are not counted here, so the corpus'
        // entity must have none (enrichment gives every form of "U.S." one name) or the hit totals differ and the run stops.
        String entityFilter = "{\"nested\":{\"path\":\"entities\",\"query\":{\"bool\":{\"filter\":["
                + "{\"term\":{\"entities.id\":{\"value\":\"" + entity + "\"}}},"
                + "{\"term\":{\"entities.type\":{\"value\":\"" + entityType + "\"}}}]}}}}";
        String dayFilter = "{\"nested\":{\"path\":\"dates\",\"query\":{\"range\":{\"dates.range\":{\"relation\":\"intersects\","
                + "\"gte\":\"" + mentionedDay + "T00:00:00Z\",\"lt\":\"" + nextDay(mentionedDay) + "T00:00:00Z\"}}}}}";
        String highlight = "\"highlight\":{\"encoder\":\"html\",\"pre_tags\":[\"<em>\"],\"post_tags\":[\"</em>\"],"
                + "\"require_field_match\":false,\"fields\":{\"headline\":{\"number_of_fragments\":0},"
                + "\"body\":{\"fragment_size\":160,\"number_of_fragments\":3,\"no_match_size\":0}}}";
        String facets = "\"aggregations\":{\"entities\":{\"nested\":{\"path\":\"entities\"},\"aggregations\":{\"types\":"
                + "{\"terms\":{\"field\":\"entities.type\",\"size\":4},\"aggregations\":{\"names\":{\"terms\":"
                + "{\"field\":\"entities.id\",\"size\":30},\"aggregations\":{\"name\":{\"terms\":"
                + "{\"field\":\"entities.name\",\"size\":1}}}}}}}},"
                + "\"sources\":{\"terms\":{\"field\":\"source\",\"size\":50}},"
                + "\"published\":{\"date_histogram\":{\"field\":\"publishedAt\",\"calendar_interval\":\"1d\",\"min_doc_count\":0}}}";
        String all = "{\"match_all\":{}}";
        return List.of(
                new Call("full text, relevance", "q=oil+prices&size=20",
                        search(text, "", RELEVANCE, "")),
                new Call("full text + highlights", "q=oil+prices&size=20&highlight=true",
                        search(text, "", RELEVANCE, "," + highlight)),
                new Call("entity filter, newest", "entity=" + entity.replace(" ", "+") + "&entityType=" + entityType + "&size=20",
                        search(all, entityFilter, NEWEST, "")),
                new Call("mentioned-date filter, newest", "mentionedFrom=" + mentionedDay + "&mentionedTo=" + mentionedDay
                        + "&size=20", search(all, dayFilter, NEWEST, "")),
                new Call("full text + entity filter + facets", "q=oil&entity=" + entity.replace(" ", "+") + "&entityType="
                        + entityType + "&facets=entities,sources,published&size=20",
                        search(text.replace("oil prices", "oil"), entityFilter, RELEVANCE, "," + facets)),
                new Call("facets over everything, newest", "facets=entities,sources,published&size=20",
                        search(all, "", NEWEST, "," + facets)));
    }

    private static String search(String must, String filter, String sort, String extra) {
        return "{\"size\":20,\"track_total_hits\":true," + HIT_FIELDS + ",\"query\":{\"bool\":{\"must\":[" + must + "],\"filter\":["
                + filter + "]}}," + sort + extra + "}";
    }

    private static String nextDay(String day) {
        return java.time.LocalDate.parse(day).plusDays(1).toString();
    }
}
