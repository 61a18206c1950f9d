package org.trainingplayground.ui.draw;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Small images of ink for the page, inlined as data URLs so they need no separate request. */
final class InkImages {

    private InkImages() {}

    /**
     * A {@code data:} URL of a grey PNG, dark ink on white paper.
     *
     * @param ink row-major intensities, 0 (paper) to 255 (ink), as unsigned bytes
     * @param side width and height in pixels; {@code ink} holds side × side values
     */
    static String pngDataUrl(byte[] ink, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = new byte[side * side];
        for (int i = 0; i < grey.length; i++) {
            // Grey PNG values are brightness: full ink must be black.
            grey[i] = (byte) (255 - (i < ink.length ? ink[i] & 0xFF : 0));
        }
        image.getRaster().setDataElements(0, 0, side, side, grey);
        ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
