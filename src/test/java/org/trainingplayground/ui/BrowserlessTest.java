package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.trainingplayground.AppConfig;
import org.trainingplayground.Services;
import org.trainingplayground.session.PlaygroundSession;

/**
 * The page driven in the JVM by Karibu-Testing, with the real session and training engine
 * behind it: each test opens the page in a fresh browser session and closes its run after.
 */
abstract class BrowserlessTest {

    private static Routes routes;

    @BeforeAll
    static void startServices() {
        Services.start(AppConfig.load());
        routes = new Routes().autoDiscoverViews("org.trainingplayground.ui");
    }

    @BeforeEach
    void openPage() {
        MockVaadin.setup(routes);
        clientReportsIn();
    }

    /** What each page's script does first in a browser: it reports its visibility. */
    static void clientReportsIn() {
        _find(PlaygroundView.class).forEach(view -> view.visibilityChanged("visible"));
    }

    @AfterEach
    void closePage() {
        UserSessions.current().close();
        MockVaadin.tearDown();
    }

    /** Waits for a condition; between polls the UI queue runs, as a browser round trip would. */
    static ConditionFactory eventually() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .pollInSameThread()
                .conditionEvaluationListener(c -> MockVaadin.clientRoundtrip());
    }

    static PlaygroundSession session() {
        return UserSessions.current();
    }

    static PlaygroundView view() {
        return _get(PlaygroundView.class);
    }

    static Button button(String id) {
        return _get(Button.class, s -> s.withId(id));
    }
}
