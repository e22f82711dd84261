package news.wire.deploy.crossdoc;

import java.util.Locale;

/** How figures are printed. */
final class Figures {

    private Figures() {
    }

    /** A share to three decimals, or "-" when undefined. */
    static String f(double value) {
        return Double.isNaN(value) ? "  -  " : String.format(Locale.ROOT, "%.3f", value);
    }
}
