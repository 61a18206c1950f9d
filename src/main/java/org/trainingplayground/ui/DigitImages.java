package org.trainingplayground.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Turns a dataset image into a small PNG the page can show without a separate request. */
final class DigitImages {

    private DigitImages() {}

    /**
     * A {@code data:} URL of a grey PNG, dark ink on white as a digit is written on paper.
     *
     * @param pixels row-major intensities, 0 (background) to 255 (ink), as unsigned bytes
     * @param side width and height in pixels
     */
    static String pngDataUrl(byte[] pixels, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = new byte[side * side];
        for (int i = 0; i < raster.length && i < pixels.length; i++) {
            // MNIST stores ink as high values on black; inverted it reads like paper.
            raster[i] = (byte) (255 - (pixels[i] & 0xff));
        }
        image.getRaster().setDataElements(0, 0, side, side, raster);
        ByteArrayOutputStream png = new ByteArrayOutputStream(512);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
