package org.trainingplayground.ui.draw;

import static com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrawPadTest {

    private DrawPad pad;
    private final List<DrawPad.DrawingEvent> events = new ArrayList<>();

    @BeforeEach
    void openPage() {
        MockVaadin.setup();
        pad = new DrawPad();
        UI.getCurrent().add(pad);
        pad.addDrawingListener(events::add);
    }

    @AfterEach
    void closePage() {
        MockVaadin.tearDown();
    }

    @Test
    void aStrokeMessageArrivesAsTheDecodedInkWithItsSide() {
        byte[] ink = new byte[112 * 112];
        ink[5] = (byte) 200;

        send(message(112, Base64.getEncoder().encodeToString(ink), 1));

        assertEquals(1, events.size());
        DrawPad.DrawingEvent event = events.get(0);
        assertArrayEquals(ink, event.ink());
        assertEquals(112, event.side());
        assertEquals(1, event.strokes());
        assertFalse(event.isEmpty());
        assertTrue(event.isFromClient());
    }

    @Test
    void theClearButtonsMessageArrivesAsAnEmptyDrawing() {
        send(message(112, "", 0));

        assertEquals(1, events.size());
        assertTrue(events.get(0).isEmpty());
    }

    @Test
    void clearingFromTheServerGivesAnEmptyDrawingAtOnce() {
        pad.clear();

        assertEquals(1, events.size());
        assertTrue(events.get(0).isEmpty());
        assertFalse(events.get(0).isFromClient());
    }

    @Test
    void malformedMessagesAreIgnoredWithoutAnError() {
        send(message(112, "this is not base64!", 1));
        send(message(112, Base64.getEncoder().encodeToString(new byte[100]), 1));
        send(message(100000, "", 1));
        JsonObject sideAsText = message(112, "", 0);
        sideAsText.put("event.detail.side", "112");
        send(sideAsText);
        JsonObject noInk = Json.createObject();
        noInk.put("event.detail.side", 112);
        noInk.put("event.detail.strokes", 1);
        send(noInk);

        assertEquals(List.of(), events);
    }

    @Test
    void aGridOutsideTheSupportedSizesIsRefusedWithASentence() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> pad.setSide(4));
        assertEquals("The drawing grid must be 8 to 512 pixels wide, not 4.", e.getMessage());
    }

    @Test
    void theGridSizeIsSentToTheBrowserElement() {
        pad.setSide(56);

        assertEquals(56, pad.getSide());
        assertEquals(56, pad.getElement().getProperty("side", 0));
    }

    private void send(JsonObject data) {
        _fireDomEvent(pad.getElement(), new DomEvent(pad.getElement(), "drawing", data));
    }

    /** What the browser sends: the event data expressions as keys. */
    static JsonObject message(int side, String ink, int strokes) {
        JsonObject data = Json.createObject();
        data.put("event.detail.side", side);
        data.put("event.detail.ink", ink);
        data.put("event.detail.strokes", strokes);
        return data;
    }
}
