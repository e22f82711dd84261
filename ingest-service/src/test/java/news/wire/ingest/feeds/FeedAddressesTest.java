package news.wire.ingest.feeds;

import static news.wire.ingest.feeds.ScriptedHostResolver.literal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The rule as the poller applies it, with a resolver the test controls: each name below resolves to what the map
 * says and nothing is ever connected to.
 */
class FeedAddressesTest {

    private static final Map<String, List<InetAddress>> DNS = Map.of(
            "wire.example", addresses("198.51.100.7"),
            "desk.newsroom.test", addresses("10.0.0.1"),
            "metadata.newsroom.test", addresses("169.254.169.254"),
            "ula.newsroom.test", addresses("fd00::1"),
            "split.newsroom.test", addresses("198.51.100.7", "192.168.1.10"),
            "archive.newsroom.internal", addresses("10.0.0.5"),
            "lab.newsroom.test", addresses("10.20.3.4"));

    private static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals).map(ScriptedHostResolver::literal).toList();
    }

    private static FeedAddresses rule(String... allowed) {
        HostResolver resolver = host -> {
            List<InetAddress> answer = DNS.get(host);
            if (answer == null) {
                // An IP literal stands for itself; any other name is unknown here, never asked of real DNS.
                try {
                    return List.of(literal(host.replace("[", "").replace("]", "")));
                } catch (IllegalArgumentException e) {
                    throw new UnknownHostException(host);
                }
            }
            return answer;
        };
        return new FeedAddresses(resolver, InternalHostAllowlist.of(List.of(allowed)));
    }

    private static String refusal(FeedAddresses rule, String host) {
        return assertThrows(FeedAddressRefusedException.class, () -> rule.admit(host)).getMessage();
    }

    @Test
    void aPublicHostIsAdmittedAtTheAddressItResolvedTo() throws Exception {
        assertEquals(literal("198.51.100.7"), rule().admit("wire.example"));
        assertEquals(literal("2001:db8::1"), rule().admit("[2001:db8::1]"));
    }

    @Test
    void aNameThatResolvesInwardIsRefusedNamingTheAddressAndTheSetting() {
        assertEquals("feed address 10.0.0.1 (of desk.newsroom.test) is private; allowed: public addresses or hosts "
                + "in ingest.feeds.allowed-internal-hosts", refusal(rule(), "desk.newsroom.test"));
        assertEquals("feed address 169.254.169.254 (of metadata.newsroom.test) is link-local; allowed: public "
                + "addresses or hosts in ingest.feeds.allowed-internal-hosts", refusal(rule(), "metadata.newsroom.test"));
        assertEquals("feed address fd00:0:0:0:0:0:0:1 (of ula.newsroom.test) is private; allowed: public addresses "
                + "or hosts in ingest.feeds.allowed-internal-hosts", refusal(rule(), "ula.newsroom.test"));
    }

    @Test
    void everyAddressClassIsRefusedAsALiteral() {
        FeedAddresses rule = rule();
        assertEquals(AddressKind.LOOPBACK, kind(rule, "127.0.0.1"));
        assertEquals(AddressKind.LOOPBACK, kind(rule, "[::1]"));
        assertEquals(AddressKind.PRIVATE, kind(rule, "10.0.0.1"));
        assertEquals(AddressKind.PRIVATE, kind(rule, "172.16.5.4"));
        assertEquals(AddressKind.PRIVATE, kind(rule, "192.168.0.1"));
        assertEquals(AddressKind.PRIVATE, kind(rule, "[fd00::1]"));
        assertEquals(AddressKind.LINK_LOCAL, kind(rule, "169.254.169.254"));
        assertEquals(AddressKind.LINK_LOCAL, kind(rule, "[fe80::1]"));
        assertEquals(AddressKind.MULTICAST, kind(rule, "224.0.0.1"));
        assertEquals(AddressKind.UNSPECIFIED, kind(rule, "0.0.0.0"));
        assertEquals(AddressKind.UNSPECIFIED, kind(rule, "[::]"));
        assertEquals(AddressKind.CARRIER_GRADE_NAT, kind(rule, "100.64.0.1"));
        assertEquals(AddressKind.LOOPBACK, kind(rule, "[::ffff:127.0.0.1]"));
        assertEquals(AddressKind.PRIVATE, kind(rule, "[::ffff:10.0.0.1]"));
        assertEquals("feed address 10.0.0.1 is private; allowed: public addresses or hosts in "
                + "ingest.feeds.allowed-internal-hosts", refusal(rule, "10.0.0.1"), "a literal is not named twice");
    }

    private static AddressKind kind(FeedAddresses rule, String host) {
        return assertThrows(FeedAddressRefusedException.class, () -> rule.admit(host), host).kind();
    }

    /** Connecting to the public address would be safe, but a name that also points inward is refused outright. */
    @Test
    void aNameWithOnePublicAndOneInternalAddressIsRefused() {
        assertEquals(literal("192.168.1.10"),
                assertThrows(FeedAddressRefusedException.class, () -> rule().admit("split.newsroom.test")).address());
    }

    @Test
    void theAllowlistAdmitsAListedNameWhateverItResolvesTo() throws Exception {
        assertEquals(literal("10.0.0.5"), rule("archive.newsroom.internal").admit("archive.newsroom.internal"));
        refusal(rule("archive.newsroom.internal"), "desk.newsroom.test");
    }

    @Test
    void theAllowlistAdmitsAddressesInAListedRangeAndNoOthers() throws Exception {
        FeedAddresses rule = rule("10.20.0.0/16", "127.0.0.1");
        assertEquals(literal("10.20.3.4"), rule.admit("lab.newsroom.test"));
        assertEquals(literal("127.0.0.1"), rule.admit("127.0.0.1"));
        assertEquals(AddressKind.LOOPBACK, kind(rule, "127.0.0.2"));
        assertEquals(AddressKind.PRIVATE, kind(rule, "desk.newsroom.test"));
        assertEquals(AddressKind.LINK_LOCAL, kind(rule, "169.254.169.254"));
    }

    @Test
    void aHostWithoutAnAddressIsUnknownNotRefused() {
        assertThrows(UnknownHostException.class, () -> rule().admit("nowhere.newsroom.test"));
        FeedAddresses empty = new FeedAddresses(host -> List.of(), InternalHostAllowlist.none());
        assertThrows(UnknownHostException.class, () -> empty.admit("wire.example"));
    }
}
