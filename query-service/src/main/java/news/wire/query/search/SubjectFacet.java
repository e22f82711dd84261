package news.wire.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;

/**
 * The provider subjects most filed among the matching articles. A coded subject is counted by scheme and code, which
 * name it whatever language or wording a provider uses (the name shown is the one most used with it); a subject sent
 * by name alone is counted by name. Ingest keeps one entry per subject per article, so counts are of articles.
 */
final class SubjectFacet {

    static final String NAME = "subjects";
    private static final int SUBJECTS = 20;
    /** Schemes one code is filed under: a provider may send IPTC Subject Codes and Media Topics side by side. */
    private static final int SCHEMES_PER_CODE = 5;
    private static final String NO_SCHEME = "";

    private SubjectFacet() {
    }

    static Aggregation request() {
        return Aggregation.of(a -> a.nested(n -> n.path("subjects"))
                .aggregations("coded", c -> c.filter(f -> f.exists(e -> e.field("subjects.code")))
                        .aggregations("codes", t -> t.terms(tt -> tt.field("subjects.code").size(SUBJECTS))
                                .aggregations("schemes", s -> s.terms(st -> st.field("subjects.scheme")
                                                .size(SCHEMES_PER_CODE).missing(NO_SCHEME))
                                        .aggregations("name", nm -> nm.terms(x -> x.field("subjects.name").size(1))))))
                .aggregations("named", c -> c.filter(f -> f.bool(b -> b.mustNot(m -> m.exists(e -> e.field("subjects.code")))))
                        .aggregations("names", t -> t.terms(tt -> tt.field("subjects.name").size(SUBJECTS)))));
    }

    /** The most filed subjects, most articles first. */
    static List<ArticleFacets.SubjectCount> of(Aggregate subjects) {
        List<ArticleFacets.SubjectCount> counts = new ArrayList<>();
        var nested = subjects.nested().aggregations();
        for (StringTermsBucket code : nested.get("coded").filter().aggregations().get("codes").sterms().buckets().array()) {
            for (StringTermsBucket scheme : code.aggregations().get("schemes").sterms().buckets().array()) {
                List<StringTermsBucket> names = scheme.aggregations().get("name").sterms().buckets().array();
                String codeValue = code.key().stringValue();
                String schemeValue = scheme.key().stringValue();
                counts.add(new ArticleFacets.SubjectCount(
                        names.isEmpty() ? codeValue : names.get(0).key().stringValue(), scheme.docCount(), codeValue,
                        NO_SCHEME.equals(schemeValue) ? null : schemeValue));
            }
        }
        for (StringTermsBucket name : nested.get("named").filter().aggregations().get("names").sterms().buckets().array()) {
            counts.add(new ArticleFacets.SubjectCount(name.key().stringValue(), name.docCount(), null, null));
        }
        return counts.stream()
                .sorted(Comparator.comparingLong(ArticleFacets.SubjectCount::articles).reversed()
                        .thenComparing(ArticleFacets.SubjectCount::value))
                .limit(SUBJECTS)
                .toList();
    }
}
