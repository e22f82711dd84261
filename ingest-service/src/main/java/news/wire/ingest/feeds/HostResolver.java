package news.wire.ingest.feeds;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a feed's host name into addresses; the one place the poller asks DNS, so tests can answer instead. */
public interface HostResolver {

    /**
     * Every address the host has; an IP literal is its own single address.
     *
     * @throws UnknownHostException when the host has no address
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
