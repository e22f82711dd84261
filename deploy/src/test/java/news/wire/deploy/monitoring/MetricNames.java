package news.wire.deploy.monitoring;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: every identifier that is not a function, keyword, label or duration.
 * Enough of PromQL for our dashboards and rules; it is not a parser and does not check syntax.
 */
final class MetricNames {

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern BRACES = Pattern.compile("\\{[^{}]*}");
    private static final Pattern BRACKETS = Pattern.compile("\\[[^\\[\\]]*]");
    // Label lists after by/without/on/ignoring/group_left/group_right are names of labels, not of metrics.
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*(?![\\w(])(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private MetricNames() {
    }

    static Set<String> in(String expression) {
        String rest = QUOTED.matcher(expression).replaceAll("\"\"");
        rest = rest.replaceAll("\\$__\\w+", "1m");
        rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
        rest = BRACES.matcher(rest).replaceAll(" ");
        rest = BRACKETS.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }
}
