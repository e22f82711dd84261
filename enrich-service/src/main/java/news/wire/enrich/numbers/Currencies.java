package news.wire.enrich.numbers;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Money in copy: symbols and codes before a figure, currency names after it, all turned into ISO 4217 codes. */
final class Currencies {

    /**
     * A currency named after a figure. {@code factor} turns minor units into major ones (pence into pounds);
     * {@code needsScale} marks names that are money only after "million" and the like ("40 million pounds" is
     * sterling, "300 pounds" a weight; "5 trillion won" is money, "won" alone a verb).
     */
    record Money(String code, BigDecimal factor, boolean needsScale) {
    }

    /** Codes of ISO 4217 that are also words or other abbreviations in capitals ("ALL 40 MINERS", "AMD 7nm"). */
    private static final Set<String> WORD_CODES = Set.of("ALL", "AMD", "BAM", "BOB", "CUP", "CVE", "GEL", "MAD",
        "MOP", "PEN", "SOS", "TOP");
    /** Currency names too common as words, or shared by several currencies, to stand for one currency alone. */
    private static final Set<String> WORD_NAMES = Set.of("real", "mark", "kip", "sol", "won", "lev", "leu", "dram",
        "pula", "kina", "tala", "loti", "leone", "balboa", "colón", "dong", "florin");
    /** Letter abbreviations written before a figure ("RM5 billion", "Rp 3 trillion"); letters alone risk words. */
    private static final Map<String, String> LETTER_SYMBOLS = Map.of("RM", "MYR", "Rp", "IDR", "Ksh", "KES",
        "Kč", "CZK", "zł", "PLN", "TSh", "TZS", "USh", "UGX");

    private static final PhraseTable<String> SYMBOLS = new PhraseTable<>();
    /** Currency names already in {@link #NAMES}, so the JDK's list never overrides ours. */
    private static final Set<String> NAMED = new HashSet<>();
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
        LETTER_SYMBOLS.forEach((symbol, code) -> SYMBOLS.addExact(symbol, code, false));
        Set<String> chosen = new HashSet<>(List.of("$", "US$", "US $", "C$", "CA$", "A$", "AU$", "NZ$", "HK$", "S$",
                "R$", "£", "€", "¥", "₹", "₩", "₦", "₪", "₽", "₺", "₴"));
        currencySigns().forEach((symbol, code) -> {
            if (chosen.add(symbol)) {
                SYMBOLS.addExact(symbol, code, false);
            }
        });
        for (Currency currency : current()) {
            SYMBOLS.addExact(currency.getCurrencyCode(), currency.getCurrencyCode(), false);
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
        // Cents of a dollar price ("50 cents a share"); wire copy's other cents are written "euro cents".
        NAMES.add("cents", new Money("USD", new BigDecimal("0.01"), false));
        NAMES.add("euro cents", new Money("EUR", new BigDecimal("0.01"), false));
        name("norwegian crowns", "NOK");
        name("swedish crowns", "SEK");
        name("danish crowns", "DKK");
        name("czech crowns", "CZK");
        // Plurals the JDK's singular names do not make with an "s".
        name("swedish kronor", "SEK");
        name("norwegian kroner", "NOK");
        name("danish kroner", "DKK");
        name("icelandic kronur", "ISK");
        NAMES.add("pence", new Money("GBP", new BigDecimal("0.01"), false));
        NAMES.addExact("p", new Money("GBP", new BigDecimal("0.01"), false), true);
        Map<String, Long> lastWords = current().stream()
                .collect(Collectors.groupingBy(c -> lastWord(displayName(c)), Collectors.counting()));
        for (Currency currency : current()) {
            String code = currency.getCurrencyCode();
            NAMES.addExact(code, new Money(code, BigDecimal.ONE, false), false);
            // Our own names above come first: "won" needs "trillion" before it, the rupee is India's.
            String name = displayName(currency);
            if (NAMED.add(name)) {
                name(name, code);
                name(name + "s", code);
            }
            String word = lastWord(name);
            if (lastWords.get(word) == 1 && !WORD_NAMES.contains(word) && NAMED.add(word)) {
                name(word, code);
                name(word + "s", code);
            }
        }
    }

    private Currencies() {
    }

    private static void name(String phrase, String code) {
        NAMED.add(phrase);
        NAMES.add(phrase, new Money(code, BigDecimal.ONE, false));
    }

    /** The currencies in use today, as the JDK's ISO 4217 table has them; no metals, funds or test codes (X..). */
    private static List<Currency> current() {
        return Currency.getAvailableCurrencies().stream()
                .filter(c -> !c.getCurrencyCode().startsWith("X") && !WORD_CODES.contains(c.getCurrencyCode()))
                .filter(c -> !displayName(c).contains("("))
                .sorted(Comparator.comparing(Currency::getCurrencyCode))
                .toList();
    }

    private static String displayName(Currency currency) {
        return currency.getDisplayName(Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    private static String lastWord(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    /**
     * Signs each country writes its currency with, from the JDK's locale data ("฿", "₫", "₱"), where a sign stands
     * for one currency only ("kr" and "£" are several countries').
     */
    private static Map<String, String> currencySigns() {
        Map<String, Set<String>> codes = new TreeMap<>();
        for (Locale locale : Locale.getAvailableLocales()) {
            if (locale.getCountry().length() != 2) {
                continue;
            }
            try {
                Currency currency = Currency.getInstance(locale);
                if (currency != null) {
                    String symbol = currency.getSymbol(locale);
                    if (symbol.codePoints().anyMatch(c -> Character.getType(c) == Character.CURRENCY_SYMBOL)) {
                        codes.computeIfAbsent(symbol, k -> new TreeSet<>()).add(currency.getCurrencyCode());
                    }
                }
            } catch (IllegalArgumentException noCurrency) {
                // A region without a currency of its own (Antarctica): nothing to learn from it.
            }
        }
        Map<String, String> unique = new TreeMap<>();
        codes.forEach((symbol, of) -> {
            if (of.size() == 1 && !symbol.equals("$")) {
                unique.put(symbol, of.iterator().next());
            }
        });
        return unique;
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
