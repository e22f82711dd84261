package news.wire.ingest.feeds;

import static news.wire.ingest.feeds.ScriptedHostResolver.literal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every kind of internal address is told from a public one; nothing here resolves or connects. */
class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK",
            "127.255.0.9, LOOPBACK",
            "::1, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.254, PRIVATE",
            "192.168.1.10, PRIVATE",
            "fc00::1, PRIVATE",
            "fd00::1, PRIVATE",
            "fdff:ffff::1, PRIVATE",
            "169.254.169.254, LINK_LOCAL",
            "169.254.0.1, LINK_LOCAL",
            "fe80::1, LINK_LOCAL",
            "febf::1, LINK_LOCAL",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "ff02::1, MULTICAST",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "::, UNSPECIFIED",
            "100.64.0.1, CARRIER_GRADE_NAT",
            "100.127.255.254, CARRIER_GRADE_NAT",
            "240.0.0.1, RESERVED",
            "255.255.255.255, RESERVED",
            // Mapped, compatible and NAT64 forms are judged by the IPv4 address they carry.
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.0.0.1, PRIVATE",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "::ffff:100.64.0.1, CARRIER_GRADE_NAT",
            "::10.0.0.1, PRIVATE",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "64:ff9b::7f00:1, LOOPBACK",
            // Public: the edges of the ranges above, and ordinary hosts in both families.
            "8.8.8.8, PUBLIC",
            "172.15.255.255, PUBLIC",
            "172.32.0.1, PUBLIC",
            "192.169.0.1, PUBLIC",
            "100.63.255.255, PUBLIC",
            "100.128.0.1, PUBLIC",
            "169.253.255.255, PUBLIC",
            "11.0.0.1, PUBLIC",
            "198.51.100.7, PUBLIC",
            "2001:db8::1, PUBLIC",
            "2a00:1450:4001::200e, PUBLIC",
            "fbff::1, PUBLIC",
            "fec0::1, PRIVATE",
            "64:ff9b::808:808, PUBLIC",
    })
    void tellsTheKindOfEachAddress(String address, AddressKind kind) {
        assertEquals(kind, AddressKind.of(literal(address)), address);
    }

    /** The JDK turns a mapped literal into IPv4 by itself, but not an address built from bytes, as a resolver may. */
    @Test
    void anIpv4MappedAddressBuiltFromBytesIsJudgedByItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
                (byte) 254};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertEquals(Inet6Address.class, address.getClass());
        assertEquals(AddressKind.LINK_LOCAL, AddressKind.of(address));
    }

    @Test
    void labelsReadAsTheRefusalSaysThem() {
        assertEquals("private", AddressKind.PRIVATE.label());
        assertEquals("link-local", AddressKind.LINK_LOCAL.label());
        assertEquals("carrier-grade NAT", AddressKind.CARRIER_GRADE_NAT.label());
    }
}
