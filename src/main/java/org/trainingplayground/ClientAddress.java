package org.trainingplayground;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who sent a request, as far as the operator's proxies vouch for it: the connection's address,
 * or, when that is one of the trusted proxies, the nearest address in {@code X-Forwarded-For}
 * that is not a trusted proxy. A client may write anything into that header, so it is read
 * only from proxies the operator named ({@code PLAYGROUND_TRUSTED_PROXIES}), and from the
 * right, where the proxies append what they saw.
 */
public final class ClientAddress {

    /** The request attribute with the client's key, set on every request (NewSessionLimit). */
    public static final String ATTRIBUTE = ClientAddress.class.getName();

    /** Four numbers from 0 to 255, without leading zeros (which some read as octal). */
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final InetAddressSet trustedProxies = new InetAddressSet();

    /** @param trustedProxies addresses and ranges ({@code 10.0.0.0/8}, {@code ::1}) */
    ClientAddress(List<String> trustedProxies) {
        trustedProxies.forEach(this.trustedProxies::add);
    }

    /**
     * The key one client's requests share: its address, or its IPv6 /64 (one home or school
     * network is given a whole /64, so counting single addresses there would count nothing).
     */
    String of(HttpServletRequest request) {
        return of(
                request.getRemoteAddr(),
                String.join(",", Collections.list(request.getHeaders("X-Forwarded-For"))));
    }

    /**
     * @param remoteAddress the connection's address
     * @param forwardedFor every {@code X-Forwarded-For} header's value, joined by commas
     */
    String of(String remoteAddress, String forwardedFor) {
        InetAddress client = literal(remoteAddress);
        if (client == null) {
            return remoteAddress;
        }
        if (trustedProxies.test(client)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = literal(hops[i].trim());
                if (hop == null) {
                    break; // garbage in the header: trust nothing further left
                }
                client = hop;
                if (!trustedProxies.test(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (int i = 8; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // 16 bytes are always an address
            }
        }
        return address.getHostAddress();
    }

    /**
     * The address written in this text, or null if it is not an address literal. Checked first
     * because {@link InetAddress#getByName} would look up a host name, and a header is not
     * allowed to make the server ask DNS anything.
     */
    static InetAddress literal(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 45
                || !(IPV4.matcher(text).matches() || text.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(
                    text.startsWith("[") && text.endsWith("]")
                            ? text.substring(1, text.length() - 1)
                            : text);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
