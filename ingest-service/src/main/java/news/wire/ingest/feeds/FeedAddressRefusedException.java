package news.wire.ingest.feeds;

import java.net.InetAddress;

/** A feed's host resolves to an internal address that ingest.feeds.allowed-internal-hosts does not admit. */
public class FeedAddressRefusedException extends RuntimeException {

    private final InetAddress address;
    private final AddressKind kind;

    public FeedAddressRefusedException(String host, InetAddress address, AddressKind kind) {
        super("feed address " + address.getHostAddress() + (isLiteral(host, address) ? "" : " (of " + host + ")")
                + " is " + kind.label() + "; allowed: public addresses or hosts in " + InternalHostAllowlist.SETTING);
        this.address = address;
        this.kind = kind;
    }

    public InetAddress address() {
        return address;
    }

    public AddressKind kind() {
        return kind;
    }

    /** "feed address 10.0.0.1 (of 10.0.0.1)" would say nothing twice. */
    private static boolean isLiteral(String host, InetAddress address) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase(address.getHostAddress());
    }
}
