package org.trainingplayground.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.session.DatasetDefaults;

/** Keeps the address bar and the share link on the current settings, as a link reproducing them. */
final class AddressBar {

    private final String path;
    private final PageOptions pageOptions;
    private final SharePanel share;
    /** The query string last written to the address bar, to write only changes. */
    private String shownQuery;
    /** The address the browser sees (a proxy may stand in front), for the share link. */
    private String origin = "";

    AddressBar(boolean embedded, PageOptions pageOptions, SharePanel share) {
        this.path = embedded ? "embed" : "";
        this.pageOptions = pageOptions;
        this.share = share;
    }

    /** Asks the browser for the address it sees, then shows the link under it. */
    void attached(UI ui, Supplier<PlaygroundConfig> current) {
        ui.getPage().fetchCurrentURL(url -> {
            origin = url.getProtocol() + "://" + url.getAuthority();
            forget();
            show(ui, current.get());
        });
    }

    /** The next {@link #show} writes the address bar even if the settings are the same. */
    void forget() {
        shownQuery = null;
    }

    void show(UI ui, PlaygroundConfig config) {
        String query = ConfigProperties.toQuery(config);
        if (query.equals(shownQuery)) {
            return;
        }
        shownQuery = query;
        ui.getPage()
                .getHistory()
                .replaceState(
                        null,
                        new Location(
                                path, QueryParameters.fromString(query + pageOptions.asQuery())));
        share.showLink(origin + "/?" + query);
        share.showRaceLink(raceLink(config));
    }

    /**
     * The race of these settings against the other optimizer (SGD 0.05 against Adam 0.001,
     * the learning rates each is usually good at here): the same data, seed and network.
     */
    static String raceLink(PlaygroundConfig config) {
        RunSpec run = config.run();
        OptimizerSpec other = run.optimizer().kind() == OptimizerKind.ADAM
                ? OptimizerSpec.sgd(DatasetDefaults.SGD_IMAGES_LEARNING_RATE)
                : OptimizerSpec.adam(0.001);
        String rival = ConfigProperties.toQuery(new PlaygroundConfig(run.withOptimizer(other), 0));
        return "race?a=" + encode(ConfigProperties.toQuery(config)) + "&b=" + encode(rival);
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
