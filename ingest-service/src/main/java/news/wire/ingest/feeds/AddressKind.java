package news.wire.ingest.feeds;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** What kind of network an address belongs to, as far as the feed poller may care: public, or one of the internal kinds. */
public enum AddressKind {

    PUBLIC("public"),
    LOOPBACK("loopback"),
    PRIVATE("private"),
    LINK_LOCAL("link-local"),
    MULTICAST("multicast"),
    UNSPECIFIED("unspecified"),
    CARRIER_GRADE_NAT("carrier-grade NAT"),
    RESERVED("reserved");

    /** 64:ff9b::/96, the well-known NAT64 prefix: a gateway forwards it to the IPv4 address in its last four bytes. */
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private final String label;

    AddressKind(String label) {
        this.label = label;
    }

    /** The word used in refusals: "feed address 10.0.0.1 is private". */
    public String label() {
        return label;
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }

    /** The kind of an address; an IPv6 form that carries an IPv4 address is judged by that address. */
    public static AddressKind of(InetAddress address) {
        InetAddress judged = embeddedIpv4(address);
        // The JDK's own predicates first; each covers both families (site-local is 10/8, 172.16/12, 192.168/16).
        if (judged.isAnyLocalAddress()) {
            return UNSPECIFIED;
        }
        if (judged.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (judged.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        if (judged.isSiteLocalAddress()) {
            return PRIVATE;
        }
        if (judged.isMulticastAddress()) {
            return MULTICAST;
        }
        byte[] bytes = judged.getAddress();
        return judged instanceof Inet4Address ? ipv4(bytes) : ipv6(bytes);
    }

    /** What the JDK has no predicate for in IPv4. */
    private static AddressKind ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            // 0.0.0.0/8, "this network": Linux connects 0.x.x.x to the machine itself.
            return UNSPECIFIED;
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return CARRIER_GRADE_NAT;
        }
        if (first >= 240) {
            // 240/4 is reserved and 255.255.255.255 is broadcast: no feed lives there.
            return RESERVED;
        }
        return PUBLIC;
    }

    /** What the JDK has no predicate for in IPv6: unique local addresses, fc00::/7, are IPv6's private ranges. */
    private static AddressKind ipv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return PRIVATE;
        }
        return PUBLIC;
    }

    /**
     * The IPv4 address an IPv6 address stands for, when it stands for one: IPv4-mapped (::ffff:a.b.c.d), the old
     * IPv4-compatible form (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) all reach an IPv4 host, so
     * ::ffff:127.0.0.1 must be judged as 127.0.0.1. The JDK turns most mapped literals into IPv4 by itself, but
     * not an Inet6Address built from bytes.
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean leadingZeros = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
        boolean mapped = leadingZeros && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = leadingZeros && b[10] == 0 && b[11] == 0
                // :: and ::1 are IPv6's own unspecified and loopback addresses, not IPv4 ones.
                && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
        boolean nat64 = Arrays.equals(b, 0, 12, NAT64_PREFIX, 0, 12);
        if (!mapped && !compatible && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
