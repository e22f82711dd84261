package news.wire.enrich.languages;

import java.util.Map;

/**
 * Hand-written wire copy in the languages a newsroom takes in besides English, each a headline and a few sentences of
 * news full of the names, figures and dates the English engines would tag (wrongly) if they were run on it.
 */
public final class ForeignCopy {

    /** A headline and body in one language. */
    public record Story(String language, String headline, String body) {
    }

    public static final Story GERMAN = new Story("de", "Hochwasser an der Oder: Tausende verlassen ihre Häuser",
            "Nach tagelangen Regenfällen ist die Oder in Frankfurt am Main über die Ufer getreten. Mehr als 3.000 "
                    + "Menschen mussten am Montag ihre Wohnungen verlassen, teilte die Stadtverwaltung mit. "
                    + "Bundeskanzler Olaf Scholz besuchte die betroffenen Gebiete und versprach schnelle Hilfe in "
                    + "Höhe von 200 Millionen Euro. Die Pegelstände sollen bis Mittwoch weiter steigen, warnte der "
                    + "Deutsche Wetterdienst.");

    public static final Story FRENCH = new Story("fr", "Grève dans les transports : la SNCF annule un train sur deux",
            "La grève des cheminots entre dans son troisième jour, a annoncé la SNCF mardi soir à Paris. Plus de "
                    + "4 000 trains ont été supprimés depuis lundi, et le trafic restera très perturbé jusqu'à "
                    + "vendredi. Le ministre des Transports, Clément Beaune, a appelé les syndicats à reprendre le "
                    + "dialogue. Selon la direction, la grève a déjà coûté 150 millions d'euros à l'entreprise.");

    public static final Story SPANISH = new Story("es", "Incendio forestal obliga a evacuar a 2.000 vecinos en Valencia",
            "Un incendio forestal declarado el sábado en la sierra de Valencia ha obligado a evacuar a unos 2.000 "
                    + "vecinos de cuatro municipios, según informó la Generalitat. Más de 300 bomberos y diez "
                    + "aviones trabajan para controlar las llamas, que ya han arrasado 5.000 hectáreas. El presidente "
                    + "Pedro Sánchez visitará la zona el lunes, anunció el Gobierno en un comunicado.");

    public static final Story ITALIAN = new Story("it", "Terremoto in Umbria, scossa di magnitudo 4,6 vicino a Perugia",
            "Una scossa di terremoto di magnitudo 4,6 è stata avvertita ieri sera in gran parte dell'Umbria, secondo "
                    + "l'Istituto nazionale di geofisica e vulcanologia. Non si registrano vittime, ma circa 200 "
                    + "persone hanno trascorso la notte nelle tende allestite dalla Protezione civile. Il sindaco di "
                    + "Perugia ha disposto la chiusura delle scuole fino a giovedì per le verifiche sugli edifici.");

    public static final Story CHINESE = new Story("zh", "长江流域遭遇强降雨 数万人紧急转移",
            "据新华社报道，受连日强降雨影响，长江中下游多地出现洪涝灾害。湖北省武汉市周一启动防汛二级应急响应，"
                    + "已有超过三万名居民被紧急转移到安全地带。气象部门预计，未来三天降雨仍将持续，部分地区雨量可达"
                    + "两百毫米。国务院已派出工作组赶赴灾区，指导抗洪救灾工作，并拨付五亿元救灾资金。");

    /** The five foreign stories by their ISO 639-1 language. */
    public static final Map<String, Story> ALL = Map.of("de", GERMAN, "fr", FRENCH, "es", SPANISH, "it", ITALIAN,
            "zh", CHINESE);

    /** English copy of the same kind, which must keep all its tags. */
    public static final Story ENGLISH = new Story("en", "Floods force thousands from homes along the Oder",
            "More than 3,000 people left their homes in Frankfurt an der Oder on Monday after days of rain, the city "
                    + "said. Chancellor Olaf Scholz visited the area and promised 200 million euros in aid. The German "
                    + "weather service warned that water levels would keep rising until Wednesday.");

    private ForeignCopy() {
    }
}
