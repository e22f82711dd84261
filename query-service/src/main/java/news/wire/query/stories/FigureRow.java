package news.wire.query.stories;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One counted thing of a story (people displaced, hostages, deaths, ...) with what each source reported of it.
 * {@code disagree} is true when at least two sources report it and some two of them have no figures in common (see
 * {@link ReportedFigure} for when two figures agree).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureRow(String counted, String kind, String unit, String currency, List<SourceFigures> sources,
                        boolean disagree) {

    /** The figures one source gave for the counted thing, in the order of its articles. */
    public record SourceFigures(String source, List<ReportedFigure> figures) {
    }
}
