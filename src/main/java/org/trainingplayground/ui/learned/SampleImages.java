package org.trainingplayground.ui.learned;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trainingplayground.core.data.IdxImages;

/**
 * The PNG {@code data:} URLs of one split's images, each made once: the pictures never change
 * while a dataset is shown, so encoding them again per update would be wasted work.
 */
final class SampleImages {

    /** Enough for every card and a long run of changing misclassified samples. */
    private static final int CACHED = 1024;

    private final IdxImages images;
    private final Map<Integer, String> urls = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
            return size() > CACHED;
        }
    };

    SampleImages(IdxImages images) {
        this.images = images;
    }

    /** Image {@code index} as a grey PNG, dark ink on white like a digit written on paper. */
    String dataUrl(int index) {
        return urls.computeIfAbsent(index, this::encode);
    }

    private String encode(int index) {
        int rows = images.rows();
        int cols = images.cols();
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = new byte[rows * cols];
        int start = index * images.pixelsPerImage();
        for (int i = 0; i < raster.length; i++) {
            // The files store ink as high values on black; inverted it reads like paper.
            raster[i] = (byte) (255 - (images.pixels()[start + i] & 0xff));
        }
        image.getRaster().setDataElements(0, 0, cols, rows, raster);
        ByteArrayOutputStream png = new ByteArrayOutputStream(512);
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
