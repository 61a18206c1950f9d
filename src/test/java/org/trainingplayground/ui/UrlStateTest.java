package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.OptimizerKind;

/** Settings in the URL and in files, driven in the JVM with the real session behind them. */
class UrlStateTest extends BrowserlessTest {

    private static void open(String route, String query) {
        UI.getCurrent().navigate(route, QueryParameters.fromString(query));
        clientReportsIn();
        eventually().until(() -> session().state() != RunState.CREATING);
    }

    private static String notices() {
        List<Div> found = _find(Div.class, spec -> spec.withId("url-notices"));
        return found.isEmpty() ? "" : found.get(0).getElement().getTextRecursively();
    }

    @Test
    void aLinkOpensThePlaygroundInExactlyItsState() {
        open(
                "",
                "dataset=spiral&classes=4&points=300&layers=16-tanh,8-relu&optimizer=adam"
                        + "&lr=0.02&batch=32&epochs=7&seed=42&speed=5");
        var spec = session().spec();
        assertEquals(DatasetKind.SPIRAL, spec.dataset().kind());
        assertEquals(4, spec.dataset().classes());
        assertEquals(300, spec.dataset().points());
        assertEquals(
                List.of(new LayerSpec(16, Activation.TANH), LayerSpec.relu(8)),
                spec.network().hidden());
        assertEquals(OptimizerKind.ADAM, spec.optimizer().kind());
        assertEquals(0.02, spec.optimizer().learningRate());
        assertEquals(32, spec.batchSize());
        assertEquals(7, spec.epochs());
        assertEquals(42, spec.seed());
        assertEquals(5.0, session().speed());
        assertEquals(spec, session().runSpec(), "a fresh session is rebuilt at once");
        assertEquals("", notices());
        assertEquals(
                "0.02", _get(TextField.class, s -> s.withId("learning-rate")).getValue());
    }

    @Test
    void badParametersAreIgnoredWithASentenceEachAndTheRestApplies() {
        open("", "lr=abc&batch=32&bogus=1&dataset=nope&speed=7");
        assertEquals(32, session().spec().batchSize(), "the good one applies");
        assertEquals(DatasetKind.MNIST, session().spec().dataset().kind());
        String shown = notices();
        assertTrue(shown.contains("abc"), shown);
        assertTrue(shown.contains("bogus"), shown);
        assertTrue(shown.contains("nope"), shown);
        assertTrue(
                shown.contains("speed=7: the page trains at full speed (0) or at 20, 5 or 1"
                        + " steps per second; the speed stays full speed."),
                shown);
    }

    @Test
    void theShareLinkFollowsTheFormAndReadsBackToTheSameSettings() {
        open("", "");
        _setValue(_get(TextField.class, s -> s.withId("epochs")), "3");
        view().refresh();
        String link = _get(TextField.class, s -> s.withId("share-link")).getValue();
        assertTrue(link.contains("epochs=3"), link);
        // Read onto other settings: everything must come from the link.
        PlaygroundConfig other = new PlaygroundConfig(
                session().spec().withEpochs(99).withSeed(5).withBatchSize(8), 20);
        var read = ConfigProperties.read(
                ConfigProperties.parseQuery(link.substring(link.indexOf('?') + 1)),
                other,
                session().limits());
        assertEquals(new PlaygroundConfig(session().spec(), session().speed()), read.config());
        assertTrue(read.notices().isEmpty(), read.notices().toString());
    }

    @Test
    void anImportedFileAppliesItsSettingsAndNamesWhatItCouldNotUse() {
        open("", "");
        PlaygroundConfig wanted =
                new PlaygroundConfig(session().spec().withEpochs(9).withBatchSize(16), 20);
        _get(SharePanel.class).importText("exercise.json", ConfigJson.toJson(wanted));
        assertEquals(9, session().spec().epochs());
        assertEquals(16, session().spec().batchSize());
        assertEquals(20.0, session().speed());
        assertEquals("", notices());

        _get(SharePanel.class).importText("broken.json", "{ this is not json");
        assertFalse(notices().isEmpty(), "a broken file gets a sentence");
        assertEquals(9, session().spec().epochs(), "and changes nothing");
    }

    @Test
    void theEmbedPageHidesAndLocksWhatItsLinkSaysAndStartsByItself() {
        open("embed", "dataset=xor&hide=optimizer,charts&lock=dataset&autostart=1");
        var frame = _get(EmbedView.class).session();
        assertEquals(DatasetKind.XOR, frame.spec().dataset().kind());
        assertEquals(
                DatasetKind.MNIST,
                session().spec().dataset().kind(),
                "a frame has its own playground, the browser's stays as it was");
        _assertNone(Select.class, s -> s.withId("optimizer"));
        assertFalse(_get(Select.class, s -> s.withId("dataset")).isEnabled(), "locked");
        _assertNone(SharePanel.class);
        eventually().until(() -> frame.history().stepCount() > 0);
        UI.getCurrent().navigate("");
        eventually().until(() -> frame.state() == RunState.CLOSED);
    }

    @Test
    void randomLinksNeverBreakThePage() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        String[] keys = {
            "dataset",
            "layers",
            "lr",
            "batch",
            "epochs",
            "hide",
            "lock",
            "autostart",
            "speed",
            "classes",
            "points",
            "noise",
            "optimizer",
            "x",
            ""
        };
        // (Broken escapes such as %zz never get this far: MalformedQueryFilter repairs them.)
        String[] values = {
            "",
            "-1",
            "1e309",
            "NaN",
            "spiral",
            "relu",
            "%25zz",
            "0",
            "9999999999",
            "128-relu,,",
            "ä€𝄞",
            "true",
            "optimizer,charts",
            "0.5"
        };
        for (int i = 0; i < 60; i++) {
            StringBuilder query = new StringBuilder();
            for (int p = random.nextInt(6); p > 0; p--) {
                query.append(keys[random.nextInt(keys.length)])
                        .append('=')
                        .append(values[random.nextInt(values.length)])
                        .append('&');
            }
            UI.getCurrent()
                    .navigate(
                            random.nextBoolean() ? "" : "embed",
                            QueryParameters.fromString(query.toString()));
            // Still a page, with a valid run behind it.
            _get(PlaygroundView.class);
            assertTrue(session().spec().batchSize() >= 1);
        }
    }

    @Test
    void unknownPartsToHideGetASentence() {
        open("embed", "hide=optimiser");
        assertTrue(notices().contains("optimiser"), notices());
    }

    @Test
    void aLinkNamingThousandsOfUnknownPartsListsTenNoticesAndHowManyMore() {
        StringBuilder hide = new StringBuilder("charts");
        for (int i = 0; i < 3_000; i++) {
            hide.append(",x").append(i);
        }
        open("", "hide=" + hide);
        List<ListItem> items =
                _find(_get(Div.class, spec -> spec.withId("url-notices")), ListItem.class);
        assertEquals(NoticeBox.MOST_SHOWN + 1, items.size());
        assertEquals("and 2,990 more.", items.get(items.size() - 1).getText());
        assertTrue(notices().contains("there is no part called \"x0\""), notices());
    }

    @Test
    void aFileLargerThanTheImportLimitIsReadNoFurtherThanTheLimit() throws Exception {
        byte[] thirtyMegabytes = new byte[30 * 1024 * 1024];
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(thirtyMegabytes);
        assertEquals(null, SharePanel.readAtMost(in, 64 * 1024));
        assertEquals(
                thirtyMegabytes.length - 64 * 1024 - 1,
                in.available(),
                "the rest of the upload was never read");
        byte[] small = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(
                2,
                SharePanel.readAtMost(new java.io.ByteArrayInputStream(small), 64 * 1024).length);
        assertTrue(SharePanel.tooLarge("big.json").contains("larger than 64 KB"));
    }

    @Test
    void autostartWaitsUntilThePagesScriptHasReportedIn() {
        UI.getCurrent().navigate("embed", QueryParameters.fromString("dataset=xor&autostart=1"));
        var frame = _get(EmbedView.class);
        eventually().until(() -> frame.session().state() != RunState.CREATING);
        assertEquals(
                RunState.PAUSED,
                frame.session().state(),
                "a client that never ran the page holds no training place");

        frame.visibilityChanged("visible");

        eventually().until(() -> frame.session().history().stepCount() > 0);
    }
}
