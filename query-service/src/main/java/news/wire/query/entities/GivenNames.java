package news.wire.query.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The familiar forms of common English given names ("Mo" for Maurice, "Katie" for Kathryn, "Fred" for Frederick), so
 * that "Mo Cheeks" and "Maurice Cheeks" are one coach. Only the familiar-to-formal direction counts: a familiar form
 * stands for the formal name, never one formal name for another ("Alexander" is not "Alexandra").
 */
final class GivenNames {

    /** Formal name, then its familiar forms, lowercase. Familiar forms shared by several names are listed under each. */
    private static final List<List<String>> FORMS = List.of(
            List.of("abigail", "abby", "abbie"),
            List.of("abraham", "abe"),
            List.of("albert", "al", "bert"),
            List.of("alexander", "alex", "alec", "sandy"),
            List.of("alexandra", "alex", "sandra", "sandy"),
            List.of("alexandros", "alexis", "alex"),
            List.of("alfred", "alf", "alfie", "fred"),
            List.of("andrew", "andy", "drew"),
            List.of("anthony", "tony"),
            List.of("antonio", "tony"),
            List.of("barbara", "barb", "babs"),
            List.of("benjamin", "ben", "benny", "bibi"),
            List.of("bernard", "bernie"),
            List.of("catherine", "cathy", "kate", "katie", "cat"),
            List.of("charles", "charlie", "chuck", "chas"),
            List.of("christina", "chris", "tina"),
            List.of("christopher", "chris", "kit"),
            List.of("cynthia", "cindy"),
            List.of("daniel", "dan", "danny"),
            List.of("david", "dave", "davy"),
            List.of("deborah", "debbie", "deb"),
            List.of("donald", "don", "donnie"),
            List.of("dorothy", "dot", "dottie"),
            List.of("douglas", "doug"),
            List.of("edward", "ed", "eddie", "ted", "ned"),
            List.of("elizabeth", "liz", "beth", "betty", "betsy", "lizzie", "eliza"),
            List.of("frederick", "fred", "freddie", "freddy"),
            List.of("gerald", "gerry", "jerry"),
            List.of("gregory", "greg"),
            List.of("harold", "harry", "hal"),
            List.of("henry", "harry", "hank"),
            List.of("jacob", "jake"),
            List.of("james", "jim", "jimmy", "jamie"),
            List.of("jeffrey", "jeff"),
            List.of("jennifer", "jen", "jenny"),
            List.of("john", "jack", "johnny", "jon"),
            List.of("jonathan", "jon", "jonny"),
            List.of("joseph", "joe", "joey"),
            List.of("joshua", "josh"),
            List.of("katherine", "kathy", "kate", "katie", "kat"),
            List.of("kathryn", "kathy", "kate", "katie"),
            List.of("kenneth", "ken", "kenny"),
            List.of("kimberly", "kim"),
            List.of("lawrence", "larry"),
            List.of("leonard", "len", "lenny"),
            List.of("margaret", "maggie", "meg", "peggy", "marge"),
            List.of("matthew", "matt"),
            List.of("maurice", "mo"),
            List.of("michael", "mike", "mick", "mickey"),
            List.of("nicholas", "nick", "nicky"),
            List.of("patricia", "pat", "patty", "trish"),
            List.of("patrick", "pat", "paddy"),
            List.of("peter", "pete"),
            List.of("philip", "phil"),
            List.of("phillip", "phil"),
            List.of("rebecca", "becky", "becca"),
            List.of("richard", "rick", "rich", "dick", "ricky"),
            List.of("robert", "rob", "bob", "bobby", "robbie", "bert"),
            List.of("ronald", "ron", "ronnie"),
            List.of("samuel", "sam", "sammy"),
            List.of("samantha", "sam"),
            List.of("stephen", "steve"),
            List.of("steven", "steve"),
            List.of("susan", "sue", "susie"),
            List.of("theodore", "ted", "teddy", "theo"),
            List.of("thomas", "tom", "tommy"),
            List.of("timothy", "tim"),
            List.of("victoria", "vicky", "tori"),
            List.of("vincent", "vince", "vinny"),
            List.of("walter", "walt", "wally"),
            List.of("william", "will", "bill", "billy", "willie", "liam"));

    private static final Map<String, Set<String>> FAMILIAR = new HashMap<>();

    static {
        for (List<String> forms : FORMS) {
            FAMILIAR.put(forms.get(0), Set.copyOf(forms.subList(1, forms.size())));
        }
    }

    private GivenNames() {
    }

    /** True when the given name is a familiar form of the formal one ("mo", "maurice"); lowercase words. */
    static boolean isFamiliarFormOf(String given, String formal) {
        return FAMILIAR.getOrDefault(formal, Set.of()).contains(given);
    }

    /** The familiar forms of a formal given name (lowercase), none when it has none. */
    static Set<String> familiarForms(String formal) {
        return FAMILIAR.getOrDefault(formal, Set.of());
    }
}
