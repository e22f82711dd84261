package news.wire.ingest.feeds;

import static news.wire.ingest.feeds.ScriptedHostResolver.literal;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Host names are taken exactly; addresses and CIDR ranges in either family; a typo stops the service. */
class InternalHostAllowlistTest {

    private final InternalHostAllowlist allowlist = InternalHostAllowlist.of(List.of(
            "Archive.Newsroom.Internal", " 10.20.0.0/16 ", "192.168.7.7", "fd12:3456::/32", "[::1]"));

    @Test
    void admitsListedHostNamesExactlyAndCaseInsensitively() {
        assertTrue(allowlist.admitsName("archive.newsroom.internal"));
        assertTrue(allowlist.admitsName("ARCHIVE.newsroom.internal."));
        assertFalse(allowlist.admitsName("evil.archive.newsroom.internal"), "no wildcard");
        assertFalse(allowlist.admitsName("newsroom.internal"));
        assertFalse(allowlist.admitsName("10.20.0.1"), "an address is admitted by range, not by name");
    }

    @Test
    void admitsAddressesInListedRanges() {
        assertTrue(allowlist.admitsAddress(literal("10.20.0.1")));
        assertTrue(allowlist.admitsAddress(literal("10.20.255.254")));
        assertFalse(allowlist.admitsAddress(literal("10.21.0.1")));
        assertFalse(allowlist.admitsAddress(literal("10.0.0.1")));
        assertTrue(allowlist.admitsAddress(literal("192.168.7.7")));
        assertFalse(allowlist.admitsAddress(literal("192.168.7.8")), "a bare address is a range of one");
        assertTrue(allowlist.admitsAddress(literal("fd12:3456:1::9")));
        assertFalse(allowlist.admitsAddress(literal("fd12:3457::9")));
        assertTrue(allowlist.admitsAddress(literal("::1")));
        assertTrue(allowlist.admitsAddress(literal("::ffff:10.20.3.4")), "a mapped address counts as its IPv4 one");
    }

    @Test
    void anEmptySettingAdmitsNothing() {
        InternalHostAllowlist none = InternalHostAllowlist.of(List.of("", " "));
        assertFalse(none.admitsName("localhost"));
        assertFalse(none.admitsAddress(literal("127.0.0.1")));
    }

    @Test
    void refusesEntriesThatAreNeitherNamesNorRanges() {
        for (String entry : List.of("10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "*.newsroom.internal",
                "host name", "feeds.internal/24", "http://feeds.internal")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InternalHostAllowlist.of(List.of(entry)), entry);
            assertTrue(e.getMessage().startsWith(InternalHostAllowlist.SETTING), e.getMessage());
        }
    }
}
