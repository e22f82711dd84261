package news.wire.enrich.dates;

import java.time.ZonedDateTime;
import java.util.List;

import news.wire.enrich.copy.ArticleField;

/** Finds and normalises the temporal expressions in one field of an article; a pure function of its inputs. */
public interface DateExtractor {

    /** Engine name and version, recorded in every enriched article so it can be re-enriched later. */
    String engine();

    /** The expressions in {@code text}, in order of position, resolved against {@code published}. */
    List<DateMention> extract(ArticleField field, String text, ZonedDateTime published);
}
