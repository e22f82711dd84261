/**
 * Figures in news copy: what was counted, how many, how hedged.
 *
 * <p>{@link news.wire.enrich.numbers.NewsNumberExtractor} reads them by rule. The choices a reader of its output
 * needs to know:
 * <ul>
 * <li>Plural round numbers mean at least two of them: "dozens of" is AT_LEAST 24, "scores of" AT_LEAST 40,
 * "hundreds of" AT_LEAST 200, "tens of thousands of" AT_LEAST 20,000; "several hundred" is AT_LEAST 300.</li>
 * <li>A range ("between 10 and 20", "10-20", "10 to 20") is two mentions: the low end AT_LEAST, the high end
 * AT_MOST, unless a hedge before it covers both ("about 10-20" gives two APPROX). A unit, currency or scale written
 * once is shared ("$10-20 million" is 10 million and 20 million dollars), and so is the thing counted. The span of
 * the low end starts at "between". "from 10 to 20" is a change, so it is two EXACT figures; ends that do not rise
 * ("won 3-1") are two figures too.</li>
 * <li>The thing counted is the head noun alone, lower-cased, singular or plural as written: "200 Palestinian
 * prisoners" counts "prisoners", "millions of people" counts "people" ("of" is skipped after round numbers and
 * fractions, and after any figure when "the", "its" and the like follow). Money, shares, measures and ranks have
 * none. Hyphened compounds name it directly: "a 12-month ban" counts "month".</li>
 * <li>Fractions are values rounded to three decimals ("two-thirds" is 0.667); "a third" is a fraction only before
 * "of" or at the end of a phrase, otherwise a rank ("a third term"). "half a million" is 500,000.</li>
 * <li>Not figures: years (a bare 1900-2100 without a thousands comma, unless a plural noun follows outside a year
 * phrase, a non-temporal hedge comes before, or a unit or currency goes with it), days of dates, clock times,
 * decades, numbered names ("No. 10", "Route 66", "Critters 3", "BBC One"), codes ("G20", "Covid-19", "5G"), phone
 * numbers and long ids. "one" counts only when it names what it counts ("one man"), so "no one" is not a figure.</li>
 * <li>"m" after a figure is million next to money or before a plural noun ("£40m", "1m websites"); otherwise, and
 * for race distances ("800m runners"), it is metres. "pounds" is sterling only after a scale ("40 million pounds").
 * A negative sign or "minus" makes the value negative.</li>
 * <li>"fell 40 points to 7,500" and "rose 5% to $3": after a verb of change, a figure with a unit and the one after
 * "to" are a change and a level, not a range ("rose 5 to 8 percent" still is one).</li>
 * <li>A price keeps what it is for as its unit, named as the unit would be after a figure: "$82 a barrel" is USD
 * {@code per barrel}, "45 baht a kilo" THB {@code per kg}, "£11.44 an hour" GBP {@code per hour}; a price range is
 * priced at both ends. An age ("aged 45", "a 45-year-old", both ends of "aged between 18 and 25") is a QUANTITY of
 * {@code year} counting {@code age}. "magnitude" before or after a figure is its unit.</li>
 * </ul>
 */
package news.wire.enrich.numbers;
