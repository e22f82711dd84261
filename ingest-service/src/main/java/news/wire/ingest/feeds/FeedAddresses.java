package news.wire.ingest.feeds;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import news.wire.ingest.config.IngestConfig;

/**
 * Where a feed may be fetched from: its host is resolved once, and every address it has must be public, unless the
 * newsroom listed the host or its range in {@code ingest.feeds.allowed-internal-hosts}. The address returned is the
 * one to connect to, so a second DNS answer (rebinding) can never slip an internal address past the check.
 */
@ApplicationScoped
public class FeedAddresses {

    private final HostResolver resolver;
    private final InternalHostAllowlist allowlist;

    @Inject
    public FeedAddresses(HostResolver resolver, IngestConfig config) {
        this(resolver, InternalHostAllowlist.of(config.feeds().allowedInternalHosts().orElse(List.of())));
    }

    FeedAddresses(HostResolver resolver, InternalHostAllowlist allowlist) {
        this.resolver = resolver;
        this.allowlist = allowlist;
    }

    /**
     * Resolves a feed's host and checks its addresses.
     *
     * @param host the URL's host: a name, an IPv4 literal or a bracketed IPv6 literal
     * @return the address to connect to
     * @throws UnknownHostException when the host has no address
     * @throws FeedAddressRefusedException when an address is internal and not admitted
     */
    public InetAddress admit(String host) throws UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!allowlist.admitsName(host)) {
            // Every address, not only the one connected to: a name that also points inward is not a public feed
            // host but a mistake or a probe, and refusing it says so rather than working by the luck of the order.
            for (InetAddress address : addresses) {
                AddressKind kind = AddressKind.of(address);
                if (!kind.isPublic() && !allowlist.admitsAddress(address)) {
                    throw new FeedAddressRefusedException(host, address, kind);
                }
            }
        }
        return addresses.get(0);
    }
}
