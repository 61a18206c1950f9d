package org.trainingplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Location;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The page's own URL options, which are not settings: {@code hide} and {@code lock} (a course
 * page shows only what its exercise is about), {@code autostart} and {@code tour}. They stay in
 * the address bar as the settings change.
 */
public final class PageOptions {

    /** The URL parameters that are page options. */
    static final Set<String> NAMES = Set.of("hide", "lock", "autostart", "tour");

    /** The options that are switched on by 1 (or true), with what they then do. */
    private static final Map<String, String> FLAGS =
            Map.of("autostart", "start training", "tour", "open the guided lesson");

    /** Everything a course page can hide or lock. */
    public static final List<String> PARTS = Stream.of(
                    SettingsPanel.SECTIONS,
                    ControlPanel.PARTS,
                    List.of(
                            "settings",
                            "step-view",
                            "autograd",
                            "charts",
                            "learned",
                            "code",
                            "tour"))
            .flatMap(List::stream)
            .toList();

    private final SettingsPanel settings;
    private final ControlPanel controls;
    /** The page's panels by the name {@code hide} and {@code lock} give them. */
    private final Map<String, Component> panels;

    private final Map<String, String> given = new LinkedHashMap<>();
    /** Parts the page's link locked, and parts the student's class locks now. */
    private final Set<String> linkLocks = new HashSet<>();

    private Set<String> classLocks = Set.of();

    PageOptions(SettingsPanel settings, ControlPanel controls, Map<String, Component> panels) {
        this.settings = settings;
        this.controls = controls;
        this.panels = panels;
    }

    /** A link's values, the first of each parameter given more than once. */
    static Map<String, String> firstValues(Location location) {
        Map<String, String> values = new LinkedHashMap<>();
        location.getQueryParameters().getParameters().forEach((key, list) -> {
            if (!list.isEmpty()) {
                values.put(key, list.get(0));
            }
        });
        return values;
    }

    /**
     * Takes the page options out of a link's values, leaving the settings, and applies them.
     *
     * @return a sentence for each value that names nothing
     */
    List<String> takeFrom(Map<String, String> values) {
        given.clear();
        for (String option : NAMES) {
            String value = values.remove(option);
            if (value != null) {
                given.put(option, value);
            }
        }
        List<String> notices = new ArrayList<>();
        for (String option : List.of("hide", "lock")) {
            String value = given.get(option);
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (!hideOrLock(option.equals("hide"), name)) {
                    notices.add(option + "=" + part.trim() + ": there is no part called \""
                            + part.trim() + "\"; choose from " + String.join(", ", PARTS)
                            + ".");
                }
            }
        }
        FLAGS.forEach((flag, does) -> {
            String value = given.get(flag);
            if (value != null && !List.of("1", "0", "true", "false").contains(value)) {
                notices.add(flag + "=" + value + ": use " + flag + "=1 to " + does
                        + " when the page opens.");
            }
        });
        return notices;
    }

    /** True when the link asks for training to start as the page opens. */
    boolean autostart() {
        return on("autostart");
    }

    /** True when the link asks for the guided lesson to open with the page. */
    boolean tour() {
        return on("tour");
    }

    private boolean on(String flag) {
        return "1".equals(given.get(flag)) || "true".equals(given.get(flag));
    }

    /** The options as they were given, to follow the settings in the address bar. */
    String asQuery() {
        StringBuilder options = new StringBuilder();
        given.forEach((key, value) -> options.append('&')
                .append(key)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return options.toString();
    }

    private boolean hideOrLock(boolean hide, String name) {
        if (SettingsPanel.SECTIONS.contains(name)) {
            // Hidden, its settings still apply; locked, it shows them but nobody can change them.
            if (hide) {
                settings.section(name).setVisible(false);
            } else {
                settings.section(name).setEnabled(false);
            }
        } else if (ControlPanel.PARTS.contains(name)) {
            if (hide) {
                controls.hidePart(name);
            } else {
                controls.setPartLocked(name, true);
            }
        } else {
            Component component = panels.get(name);
            if (component == null) {
                return false;
            }
            if (hide) {
                component.setVisible(false);
            } else {
                component.getElement().setEnabled(false);
            }
        }
        if (!hide) {
            linkLocks.add(name);
        }
        return true;
    }

    /**
     * Locks what the student's class locks now (names from {@link #PARTS}), and unlocks what
     * it no longer locks, unless the page's own link locked it too.
     */
    void classLocks(Set<String> parts) {
        Set<String> touched = new HashSet<>(classLocks);
        touched.addAll(parts);
        classLocks = Set.copyOf(parts);
        for (String name : touched) {
            boolean locked = linkLocks.contains(name) || parts.contains(name);
            if (SettingsPanel.SECTIONS.contains(name)) {
                settings.section(name).setEnabled(!locked);
            } else if (ControlPanel.PARTS.contains(name)) {
                controls.setPartLocked(name, locked);
            } else if (panels.containsKey(name)) {
                panels.get(name).getElement().setEnabled(!locked);
            }
        }
    }
}
