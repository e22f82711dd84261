package news.wire.enrich.numbers;

import java.math.BigDecimal;

/** Money in copy: symbols and codes before a figure, currency names after it, all turned into ISO 4217 codes. */
final class Currencies {

    /**
     * A currency named after a figure. {@code factor} turns minor units into major ones (pence into pounds);
     * {@code needsScale} marks names that are money only after "million" and the like ("40 million pounds" is
     * sterling, "300 pounds" a weight; "5 trillion won" is money, "won" alone a verb).
     */
    record Money(String code, BigDecimal factor, boolean needsScale) {
    }

    private static final String[] ISO_CODES = {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "PKR", "CHF", "CAD", "AUD",
        "NZD", "HKD", "SGD", "RUB", "BRL", "ZAR", "SEK", "NOK", "DKK", "KRW", "TRY", "MXN", "NGN", "KES", "ILS", "SAR",
        "AED", "PLN", "EGP", "UAH", "IDR", "THB", "TWD", "ARS"};

    private static final PhraseTable<String> SYMBOLS = new PhraseTable<>();
    private static final PhraseTable<Money> NAMES = new PhraseTable<>();

    static {
        SYMBOLS.add("$", "USD")
                .addExact("US$", "USD", false)
                .addExact("US $", "USD", false)
                .addExact("C$", "CAD", false)
                .addExact("CA$", "CAD", false)
                .addExact("A$", "AUD", false)
                .addExact("AU$", "AUD", false)
                .addExact("NZ$", "NZD", false)
                .addExact("HK$", "HKD", false)
                .addExact("S$", "SGD", false)
                .addExact("R$", "BRL", false)
                .add("£", "GBP")
                .add("€", "EUR")
                // Wire copy uses ¥ almost only for the yen; yuan figures are usually spelled out.
                .add("¥", "JPY")
                .add("₹", "INR")
                .add("₩", "KRW")
                .add("₦", "NGN")
                .add("₪", "ILS")
                .add("₽", "RUB")
                .add("₺", "TRY")
                .add("₴", "UAH")
                // "Rs" is also Pakistan's rupee; without a country in the sentence, India's is the likelier.
                .addExact("Rs", "INR", false)
                .addExact("Rs.", "INR", false);
        for (String code : ISO_CODES) {
            SYMBOLS.addExact(code, code, false);
        }

        name("dollars", "USD");
        name("dollar", "USD");
        name("us dollars", "USD");
        name("u.s. dollars", "USD");
        name("canadian dollars", "CAD");
        name("australian dollars", "AUD");
        name("new zealand dollars", "NZD");
        name("hong kong dollars", "HKD");
        name("singapore dollars", "SGD");
        name("taiwan dollars", "TWD");
        name("euros", "EUR");
        name("euro", "EUR");
        name("pounds sterling", "GBP");
        name("sterling", "GBP");
        NAMES.add("pounds", new Money("GBP", BigDecimal.ONE, true));
        name("yen", "JPY");
        name("yuan", "CNY");
        name("renminbi", "CNY");
        name("rupees", "INR");
        name("indian rupees", "INR");
        name("pakistani rupees", "PKR");
        name("roubles", "RUB");
        name("rubles", "RUB");
        name("swiss francs", "CHF");
        name("rand", "ZAR");
        name("naira", "NGN");
        name("shekels", "ILS");
        NAMES.add("won", new Money("KRW", BigDecimal.ONE, true));
        name("lira", "TRY");
        name("riyals", "SAR");
        name("dirhams", "AED");
        name("kenyan shillings", "KES");
        name("mexican pesos", "MXN");
        name("argentine pesos", "ARS");
        name("reais", "BRL");
        name("zlotys", "PLN");
        name("hryvnias", "UAH");
        NAMES.add("pence", new Money("GBP", new BigDecimal("0.01"), false));
        NAMES.addExact("p", new Money("GBP", new BigDecimal("0.01"), false), true);
        for (String code : ISO_CODES) {
            NAMES.addExact(code, new Money(code, BigDecimal.ONE, false), false);
        }
    }

    private Currencies() {
    }

    private static void name(String phrase, String code) {
        NAMES.add(phrase, new Money(code, BigDecimal.ONE, false));
    }

    /** A currency symbol or code at token i that a figure follows ("$2.5bn", "Rs 500 crore", "USD 40"). */
    static PhraseTable.Match<String> before(CopyTokens tokens, int i) {
        PhraseTable.Match<String> match = SYMBOLS.at(tokens, i);
        if (match == null) {
            return null;
        }
        int next = match.next();
        boolean figureFollows = tokens.isNumeral(next)
                || (tokens.isSymbol(next) && tokens.isNumeral(next + 1) && tokens.attached(next + 1)
                && (tokens.is(next, "-") || tokens.is(next, "−")));
        return figureFollows ? match : null;
    }

    /** A currency named at token i after a figure; {@code scaled} says whether "million" or the like came before. */
    static PhraseTable.Match<Money> after(CopyTokens tokens, int i, boolean scaled) {
        PhraseTable.Match<Money> match = NAMES.at(tokens, i);
        if (match == null || (match.value().needsScale() && !scaled)) {
            return null;
        }
        return match;
    }
}
