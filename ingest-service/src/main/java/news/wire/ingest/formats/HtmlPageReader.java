package news.wire.ingest.formats;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads a story posted as an HTML page: the first h1 (else the title) is the headline, the rest the body. */
public class HtmlPageReader {

    // Site furniture around a story, never part of it.
    private static final String FURNITURE = "nav, footer, aside, form, [role=navigation]";

    private final HtmlText html = new HtmlText();

    /** Reads a decoded page (see {@link WireText#decodeHtml}); source and time stay null for the caller. */
    public WireItem read(String page) {
        Document document = Jsoup.parse(page);
        document.body().select(FURNITURE).remove();
        // A page that marks its story with <article> says where the copy is; the rest is the site around it.
        Element story = document.body().selectFirst("article");
        if (story == null) {
            story = document.body();
        }
        Element h1 = story.selectFirst("h1");
        String headline;
        if (h1 != null && CleanText.inline(h1.text()) != null) {
            headline = CleanText.inline(h1.text());
            // The headline is not also the first paragraph of the body.
            h1.remove();
        } else {
            headline = CleanText.inline(document.title());
        }
        Element author = document.selectFirst("meta[name=author]");
        return new WireItem(null, null, null, headline, html.toText(story),
                CleanText.inline(document.select("html").attr("lang")), null, null,
                author == null ? null : CleanText.inline(author.attr("content")),
                List.of(), List.of(), List.of(), List.of(), WireItem.PubStatus.USABLE, null);
    }
}
