package org.trainingplayground.ui.learned;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trainingplayground.core.data.IdxImages;
import org.trainingplayground.ui.image.InkPng;

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
        return InkPng.dataUrl(
                images.pixels(), index * images.pixelsPerImage(), images.cols(), images.rows());
    }
}
