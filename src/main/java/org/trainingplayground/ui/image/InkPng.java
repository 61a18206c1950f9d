package org.trainingplayground.ui.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * Small grey images of ink (dataset images, drawings) as PNG {@code data:} URLs, so the page
 * shows them without a separate request. A 28×28 image is a few hundred bytes.
 */
public final class InkPng {

    private InkPng() {}

    /**
     * A square image, dark ink on white as a digit is written on paper.
     *
     * @param ink row-major intensities, 0 (paper) to 255 (ink), as unsigned bytes
     * @param side width and height in pixels; missing values count as paper
     */
    public static String dataUrl(byte[] ink, int side) {
        return dataUrl(ink, 0, side, side);
    }

    /**
     * One image out of many stored one after the other (as in an IDX file).
     *
     * @param offset index in {@code ink} of the image's first pixel
     */
    public static String dataUrl(byte[] ink, int offset, int cols, int rows) {
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = new byte[cols * rows];
        for (int i = 0; i < grey.length; i++) {
            int at = offset + i;
            // Datasets store ink as high values on black; grey PNG values are brightness, so
            // inverted it reads like paper.
            grey[i] = (byte) (255 - (at < ink.length ? ink[at] & 0xFF : 0));
        }
        image.getRaster().setDataElements(0, 0, cols, rows, grey);
        ByteArrayOutputStream png = new ByteArrayOutputStream(512);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
