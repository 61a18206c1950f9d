package org.trainingplayground.ui.draw;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.shared.Registration;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.ops.ThrottledWarning;

/**
 * A square pad the user draws on with mouse, pen or finger; the server gets the ink at the end
 * of every stroke.
 *
 * <p>The browser element ({@code <tp-draw-pad>}) keeps the strokes and sends nothing while the
 * pointer moves. When a stroke ends it sends the ink downsampled to {@link #getSide()} ×
 * {@link #getSide()} intensities, 0 for paper to 255 for ink, as base64 in a {@code drawing}
 * DOM event; this class decodes it into a {@link DrawingEvent}. The element's Clear button,
 * and {@link #clear()}, give a {@code DrawingEvent} with no ink ({@link DrawingEvent#isEmpty()}).
 * A malformed message, which only a tampered client can send, is logged and dropped.
 *
 * <p>The element shows the number of strokes since the last clear in its {@code strokes}
 * attribute, for browser tests and automation. Its width is the CSS custom property
 * {@code --tp-draw-pad-size} (default 252px), see {@link #setPadSize(String)}.
 */
@Tag("tp-draw-pad")
@JsModule("./draw-pad/draw-pad.ts")
public class DrawPad extends Component implements HasStyle {

    /** The default grid: four times MNIST's 28, fine enough for area-averaged downsampling. */
    public static final int DEFAULT_SIDE = 112;

    /** Same bounds as the element's, so a side it accepts is never refused here. */
    static final int MIN_SIDE = 8;

    static final int MAX_SIDE = 512;

    private static final Logger log = LoggerFactory.getLogger(DrawPad.class);
    /** A script can send malformed drawings as fast as it likes; the log hears of it rarely. */
    private static final ThrottledWarning malformed =
            new ThrottledWarning(log, Duration.ofMinutes(1));

    private int side = DEFAULT_SIDE;
    /** Whether the browser element holds strokes, as far as its last message tells. */
    private boolean drawn;

    /** A pad whose drawings arrive on a {@value #DEFAULT_SIDE} × {@value #DEFAULT_SIDE} grid. */
    public DrawPad() {
        getElement().setProperty("side", side);
        addDrawingListener(e -> drawn = !e.isEmpty());
        getElement()
                .addEventListener("drawing", this::onDrawing)
                .addEventData("event.detail.side")
                .addEventData("event.detail.ink")
                .addEventData("event.detail.strokes");
    }

    /**
     * Sets the grid the ink is sent on; a drawing made so far is sent again only at its next
     * stroke.
     *
     * @param side pixels per side, from 8 to 512
     * @throws IllegalArgumentException if {@code side} is outside that range
     */
    public void setSide(int side) {
        if (side < MIN_SIDE || side > MAX_SIDE) {
            throw new IllegalArgumentException("The drawing grid must be " + MIN_SIDE + " to "
                    + MAX_SIDE + " pixels wide, not " + side + ".");
        }
        this.side = side;
        getElement().setProperty("side", side);
    }

    /** Pixels per side of the grid the ink arrives on. */
    public int getSide() {
        return side;
    }

    /** Sets the width (and height) of the pad on the page, a CSS length such as "280px". */
    public void setPadSize(String cssLength) {
        getStyle().set("--tp-draw-pad-size", cssLength); // inline: the caller's size
    }

    /**
     * Empties the pad in the browser and fires an empty {@link DrawingEvent} right away (not
     * from the client), so listeners need not wait for a round trip.
     */
    public void clear() {
        // false: the element must not report the clear back; the event is fired here already.
        getElement().callJsFunction("clear", false);
        fireEvent(new DrawingEvent(this, false, new byte[0], side, 0));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        UI ui = detachEvent.getUI();
        // Decided at the end of the round trip: a pad moved within it keeps its browser element;
        // one still detached then comes back as a new, empty element, so its drawing is gone.
        ui.beforeClientResponse(ui, context -> {
            if (!isAttached() && drawn) {
                fireEvent(new DrawingEvent(this, false, new byte[0], side, 0));
            }
        });
    }

    /**
     * Listens for drawings: one event at the end of every stroke, and an empty one on clear.
     */
    public Registration addDrawingListener(ComponentEventListener<DrawingEvent> listener) {
        return addListener(DrawingEvent.class, listener);
    }

    private void onDrawing(DomEvent domEvent) {
        JsonObject data = domEvent.getEventData();
        Integer sentSide = wholeNumber(data, "event.detail.side");
        Integer strokes = wholeNumber(data, "event.detail.strokes");
        JsonValue inkValue = data.hasKey("event.detail.ink") ? data.get("event.detail.ink") : null;
        if (sentSide == null
                || sentSide < MIN_SIDE
                || sentSide > MAX_SIDE
                || strokes == null
                || strokes < 0
                || inkValue == null
                || inkValue.getType() != JsonType.STRING) {
            String json = data.toJson();
            // Only the start: the message comes from the client and may be large.
            malformed.warn(
                    "Ignored a malformed drawing message from the browser: {}",
                    json.substring(0, Math.min(200, json.length())));
            return;
        }
        String base64 = inkValue.asString();
        if (strokes == 0 && base64.isEmpty()) {
            fireEvent(new DrawingEvent(this, true, new byte[0], sentSide, 0));
            return;
        }
        byte[] ink;
        try {
            ink = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            malformed.warn(
                    "Ignored a drawing message whose ink is not base64: {}",
                    notBase64.getMessage());
            return;
        }
        if (ink.length != sentSide * sentSide) {
            malformed.warn(
                    "Ignored a drawing message with {} ink bytes for a {}×{} grid",
                    ink.length,
                    sentSide,
                    sentSide);
            return;
        }
        fireEvent(new DrawingEvent(this, true, ink, sentSide, strokes));
    }

    /** The value as an int if it is a whole JSON number, else null. */
    private static Integer wholeNumber(JsonObject data, String key) {
        if (!data.hasKey(key) || data.get(key).getType() != JsonType.NUMBER) {
            return null;
        }
        double value = data.getNumber(key);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            return null;
        }
        return (int) value;
    }

    /**
     * A drawing: the ink at the end of a stroke, or no ink after a clear.
     *
     * <p>{@link #ink()} holds {@code side × side} row-major intensities, 0 (paper) to 255
     * (ink), as unsigned bytes; after a clear it is empty (length 0).
     */
    public static class DrawingEvent extends ComponentEvent<DrawPad> {

        private final byte[] ink;
        private final int side;
        private final int strokes;

        public DrawingEvent(DrawPad source, boolean fromClient, byte[] ink, int side, int strokes) {
            super(source, fromClient);
            this.ink = ink;
            this.side = side;
            this.strokes = strokes;
        }

        /** The ink, {@code side × side} bytes; empty after a clear. Not copied: do not change. */
        public byte[] ink() {
            return ink;
        }

        /** Pixels per side of {@link #ink()}. */
        public int side() {
            return side;
        }

        /** Strokes drawn since the last clear. */
        public int strokes() {
            return strokes;
        }

        /** True after a clear: nothing is drawn. */
        public boolean isEmpty() {
            return strokes == 0 || ink.length == 0;
        }
    }
}
