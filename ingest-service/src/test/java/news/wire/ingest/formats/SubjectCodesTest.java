package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectCodesTest {

    private static final ProviderSubject AGRICULTURE = new ProviderSubject("20000256", "Agriculture", "medtop");

    @ParameterizedTest
    @ValueSource(strings = {"medtop:20000256", "http://cv.iptc.org/newscodes/mediatopic/20000256",
            "https://cv.iptc.org/newscodes/mediatopic/20000256"})
    void aMediaTopicIsTheSameSubjectWhateverTheFormatNamesItBy(String reference) {
        assertEquals(AGRICULTURE, SubjectCodes.fromReference(reference, "Agriculture"));
    }

    @Test
    void codeAndSchemeApartComeOutTheSameAsAQCode() {
        assertEquals(AGRICULTURE, SubjectCodes.of("20000256", "http://cv.iptc.org/newscodes/mediatopic/", "Agriculture"));
        assertEquals(AGRICULTURE, SubjectCodes.of("20000256", "http://cv.iptc.org/newscodes/mediatopic", "Agriculture"));
        assertEquals(AGRICULTURE, SubjectCodes.of("medtop:20000256", null, " Agriculture "));
        assertEquals(new ProviderSubject("15000000", "sport", "subj"),
                SubjectCodes.of("15000000", "http://cv.iptc.org/newscodes/subjectcode/", "sport"));
    }

    @Test
    void schemesWithoutAnIptcAliasAreKeptAsGiven() {
        assertEquals(new ProviderSubject("floods", null, "https://wire.example/topics/"),
                SubjectCodes.fromReference("https://wire.example/topics/floods", null));
        assertEquals(new ProviderSubject("mfg", "Manufacturing", "vws-topics"),
                SubjectCodes.of("mfg", "vws-topics", "Manufacturing"));
        assertEquals(new ProviderSubject("leisure", "Leisure", null), SubjectCodes.of("leisure", null, "Leisure"));
    }

    @Test
    void aSubjectWithNeitherCodeNorNameIsNone() {
        assertNull(SubjectCodes.of(" ", "medtop", "\t"));
        assertNull(SubjectCodes.fromReference(null, null));
        assertNull(SubjectCodes.fromReference("https://wire.example/topics/", null));
    }

    @Test
    void repeatsAreDroppedInOrder() {
        List<ProviderSubject> subjects = SubjectCodes.distinct(Arrays.asList(
                AGRICULTURE,
                null,
                new ProviderSubject("20000256", "Landwirtschaft", "medtop"),
                new ProviderSubject(null, "Local government", null),
                new ProviderSubject("20000256", null, "subj"),
                new ProviderSubject(null, "Local government", null)));

        assertEquals(List.of(AGRICULTURE, new ProviderSubject(null, "Local government", null),
                new ProviderSubject("20000256", null, "subj")), subjects);
    }
}
