package news.wire.enrich.numbers;

/** What a figure measures when it is not a count: a share (per cent, percentage points) or a unit of measure. */
final class Units {

    /** Plain percentages carry no unit. */
    static final String PERCENT = "";

    private static final PhraseTable<String> SHARES = new PhraseTable<>();
    private static final PhraseTable<String> MEASURES = new PhraseTable<>();

    static {
        SHARES.add("%", PERCENT)
                .add("percent", PERCENT)
                .add("per cent", PERCENT)
                .add("pct", PERCENT)
                .addAttached("pc", PERCENT)
                .add("percentage point", "percentage point")
                .add("percentage points", "percentage point")
                .add("percentage-point", "percentage point")
                .add("basis point", "basis point")
                .add("basis points", "basis point")
                .add("bps", "basis point");

        // Length.
        measure("km", "km", "kilometre", "kilometres", "kilometer", "kilometers", "kms");
        MEASURES.addExact("m", "m", true);
        measure("m", "metre", "metres", "meter", "meters");
        measure("cm", "cm", "centimetre", "centimetres", "centimeter", "centimeters");
        measure("mm", "mm", "millimetre", "millimetres", "millimeter", "millimeters");
        measure("mile", "mile", "miles");
        measure("nautical mile", "nautical mile", "nautical miles");
        measure("ft", "ft", "foot", "feet");
        measure("in", "inch", "inches");
        measure("yd", "yd", "yard", "yards");
        // Mass.
        measure("kg", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes");
        MEASURES.addExact("g", "g", true);
        measure("g", "gram", "grams", "gramme", "grammes");
        measure("mg", "mg", "milligram", "milligrams");
        measure("tonne", "tonne", "tonnes", "ton", "tons", "metric tons", "metric tonnes");
        // "pounds" without "million" before it is a weight; Currencies claims the scaled case first.
        measure("lb", "lb", "lbs", "pound", "pounds");
        measure("oz", "oz", "ounce", "ounces", "troy ounces");
        // Volume.
        measure("l", "litre", "litres", "liter", "liters");
        MEASURES.addExact("l", "l", true).addExact("L", "l", true);
        measure("ml", "ml", "millilitre", "millilitres");
        measure("gal", "gallon", "gallons");
        measure("barrel", "barrel", "barrels", "bbl");
        measure("barrel/day", "barrels per day", "barrels a day", "bpd");
        measure("m3", "cubic metre", "cubic metres", "cubic meters", "m3", "m³");
        // Area.
        measure("km2", "km2", "km²", "sq km", "square kilometre", "square kilometres", "square kilometers");
        measure("m2", "m2", "m²", "sq m", "square metre", "square metres", "square meters");
        measure("sq mi", "sq mi", "square mile", "square miles", "sq miles");
        measure("sq ft", "sq ft", "square foot", "square feet");
        measure("ha", "ha", "hectare", "hectares");
        measure("acre", "acre", "acres");
        // Speed.
        measure("km/h", "km/h", "kmh", "kph", "kilometres per hour", "kilometers per hour", "kilometres an hour");
        measure("mph", "mph", "miles per hour", "miles an hour");
        measure("knot", "knot", "knots");
        // Temperature: a bare "20C" must touch the figure, or "20 C" in a list would read as Celsius.
        measure("°C", "°C", "° C", "degrees celsius", "degrees centigrade", "degrees c", "celsius");
        measure("°F", "°F", "° F", "degrees fahrenheit", "degrees f", "fahrenheit");
        MEASURES.addExact("C", "°C", true).addExact("F", "°F", true);
        measure("degree", "degree", "degrees", "°");
        // Energy and power.
        measure("kW", "kw", "kilowatt", "kilowatts");
        measure("MW", "mw", "megawatt", "megawatts");
        measure("GW", "gw", "gigawatt", "gigawatts");
        measure("kWh", "kwh", "kilowatt-hour", "kilowatt-hours", "kilowatt hours");
        measure("MWh", "mwh", "megawatt-hour", "megawatt-hours", "megawatt hours");
        measure("GWh", "gwh", "gigawatt-hours", "gigawatt hours");
        measure("TWh", "twh", "terawatt-hours", "terawatt hours");
        // Engines, signals and concentrations.
        measure("hp", "horsepower", "brake horsepower", "bhp");
        MEASURES.addExact("hp", "hp", false);
        measure("rpm", "rpm", "revolutions per minute", "revs per minute");
        MEASURES.addExact("Hz", "Hz", false).addExact("kHz", "kHz", false).addExact("MHz", "MHz", false)
                .addExact("GHz", "GHz", false);
        measure("Hz", "hertz");
        measure("kHz", "kilohertz");
        measure("MHz", "megahertz");
        measure("GHz", "gigahertz");
        measure("mpg", "mpg", "miles per gallon", "miles to the gallon");
        measure("ppm", "ppm", "parts per million");
        measure("ppb", "ppb", "parts per billion");
        measure("psi", "psi", "pounds per square inch");
        // An earthquake's magnitude, after the figure ("a 6.8-magnitude quake"; before it, see the extractor).
        measure("magnitude", "magnitude");
        // An index's or a match's points; "percentage points" and "basis points" are shares, read first.
        measure("point", "point", "points", "index points");
        // Data.
        measure("MB", "mb", "megabytes");
        measure("GB", "gb", "gigabytes");
        measure("TB", "tb", "terabytes");
    }

    /** What a price or wage is for: "$82 a barrel", "£9 an hour", "$1,200 per ounce". */
    private static final PhraseTable<String> RATES = new PhraseTable<>();

    static {
        for (String per : new String[] {"barrel", "tonne", "ton", "ounce", "share", "gallon", "litre", "liter",
            "kilo", "kilogram", "kg", "pound", "bushel", "megawatt-hour", "MWh", "kilowatt-hour", "kWh", "unit",
            "head", "person", "dose", "night", "ticket", "passenger", "hour", "day", "week", "month", "year"}) {
            String article = "aeiou".indexOf(per.charAt(0)) >= 0 || per.equals("hour") ? "an " : "a ";
            // Named as the unit would be after a figure: "a kilo" is per kg, "per megawatt-hour" per MWh.
            PhraseTable.Match<String> unit = MEASURES.at(CopyTokens.of(per), 0);
            String named = unit != null && unit.next() == CopyTokens.of(per).size() ? unit.value() : per;
            RATES.add(article + per, named).add("per " + per, named).add("/" + per, named);
        }
    }

    private Units() {
    }

    /** "a barrel", "per ounce" at token i after a price: what the price is for, or null. */
    static PhraseTable.Match<String> rate(CopyTokens tokens, int i) {
        return RATES.at(tokens, i);
    }

    private static void measure(String unit, String... phrases) {
        for (String phrase : phrases) {
            MEASURES.add(phrase, unit);
        }
    }

    /** "%", "per cent", "percentage points" at token i: the unit, {@link #PERCENT} for a plain share, or null. */
    static PhraseTable.Match<String> share(CopyTokens tokens, int i) {
        return SHARES.at(tokens, i);
    }

    /** A unit of measure at token i, normalised to a short name such as "km", "tonne" or "°C"; or null. */
    static PhraseTable.Match<String> measure(CopyTokens tokens, int i) {
        PhraseTable.Match<String> match = MEASURES.at(tokens, i);
        // "40 kmh" is a unit, "40 km away" too, but a unit word running on into letters ("5 GBs") is not ours.
        if (match == null || (tokens.attached(match.next()) && tokens.isWord(match.next()))) {
            return null;
        }
        return match;
    }
}
