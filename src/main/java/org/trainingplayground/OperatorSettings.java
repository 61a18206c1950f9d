package org.trainingplayground;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The operator's settings as environment variables or {@code -D} system properties (a property
 * wins). Each is named by its variable; its property is the same name in camel case under
 * {@code playground.}: {@code PLAYGROUND_MAX_LAYERS} is {@code -Dplayground.maxLayers}. A bad
 * value is refused with a sentence naming both.
 */
final class OperatorSettings {

    private final Map<String, String> env;
    private final Properties props;

    OperatorSettings(Map<String, String> env, Properties props) {
        this.env = env;
        this.props = props;
    }

    /** The property for a variable: {@code PLAYGROUND_MAX_LAYERS} → {@code playground.maxLayers}. */
    static String property(String variable) {
        String[] words = variable.replaceFirst("^PLAYGROUND_", "")
                .toLowerCase(Locale.ROOT)
                .split("_");
        StringBuilder name = new StringBuilder("playground.").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /** How a sentence names the setting: {@code PLAYGROUND_MAX_LAYERS (or -Dplayground.maxLayers)}. */
    String named(String variable) {
        return variable + " (or -D" + property(variable) + ")";
    }

    /** The value, trimmed; null when it is not set or blank. */
    String text(String variable) {
        String value = props.getProperty(property(variable));
        if (value == null) {
            value = env.get(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A whole number from {@code min} to {@code max}; {@code defaultValue} when not set. */
    int whole(String variable, int defaultValue, int min, int max) {
        String text = text(variable);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(named(variable) + " is \"" + text
                    + "\"; it must be a whole number from " + min + " to " + max + ".");
        }
    }

    /** The comma-separated origins, lower-cased as browsers compare them. */
    List<String> origins(String variable) {
        String text = text(variable);
        List<String> origins = new ArrayList<>();
        if (text == null) {
            return origins;
        }
        for (String part : text.split(",")) {
            String origin = part.trim();
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.equals("*")) {
                // A wildcard would let any website frame the playground, under its own
                // partitioned session, and trick students into clicking through it unseen.
                throw new IllegalArgumentException(
                        named(variable) + " is \"*\", which would let any website"
                                + " frame the playground; list the course sites' origins instead, e.g."
                                + " https://courses.example.edu.");
            }
            String refusal = originRefusal(origin);
            if (refusal != null) {
                throw new IllegalArgumentException(
                        named(variable) + " holds \"" + origin + "\", which " + refusal
                                + "; each origin must be scheme://host[:port] with http or https, e.g."
                                + " https://courses.example.edu.");
            }
            origins.add(origin.toLowerCase(Locale.ROOT));
        }
        return origins;
    }

    /**
     * The comma-separated proxy addresses and ranges. Only literal addresses are
     * accepted: a host name would make every request depend on DNS.
     */
    List<String> proxies(String variable) {
        String text = text(variable);
        List<String> proxies = new ArrayList<>();
        if (text == null) {
            return proxies;
        }
        for (String part : text.split(",")) {
            String proxy = part.trim();
            if (proxy.isEmpty()) {
                continue;
            }
            int slash = proxy.indexOf('/');
            String address = slash < 0 ? proxy : proxy.substring(0, slash);
            InetAddress literal = ClientAddress.literal(address);
            int bits = literal == null ? 0 : literal.getAddress().length * 8;
            boolean prefixOk = slash < 0
                    || proxy.substring(slash + 1).matches("\\d{1,3}")
                            && Integer.parseInt(proxy.substring(slash + 1)) <= bits;
            if (literal == null || !prefixOk) {
                throw new IllegalArgumentException(
                        named(variable) + " holds \"" + proxy + "\", which is not"
                                + " an IP address or a range such as 10.0.0.0/8; list the proxies'"
                                + " addresses, separated by commas.");
            }
            proxies.add(proxy);
        }
        return proxies;
    }

    /** Why this is not an origin, or null when it is one. */
    private static String originRefusal(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return "does not start with http:// or https://";
        }
        if (uri.getHost() == null) {
            return "has no host name (wildcards such as *.example.edu are not accepted)";
        }
        if (uri.getRawUserInfo() != null) {
            return "has a user name in it";
        }
        if (!uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return "has a path, query or fragment after the host (an origin ends at the host"
                    + " or port)";
        }
        return null;
    }
}
