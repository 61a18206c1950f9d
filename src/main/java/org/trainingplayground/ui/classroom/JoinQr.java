package org.trainingplayground.ui.classroom;

import com.vaadin.flow.component.html.Image;

import io.nayuki.qrcodegen.QrCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A link as a QR code, drawn as SVG: phones in the room scan it off the projector. */
final class JoinQr {

    private JoinQr() {}

    /** An image of {@code link} as a QR code (medium error correction, a quiet zone of 4). */
    static Image of(String link, String description) {
        QrCode qr = QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + 2 * border;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + border)
                            .append(',')
                            .append(y + border)
                            .append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
                + " fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
        Image image = new Image(
                "data:image/svg+xml;base64,"
                        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
                description);
        image.addClassName("join-qr");
        return image;
    }
}
