package org.trainingplayground.core.spec;

/**
 * How an image set's pixel bytes become the network's inputs: torchvision's {@code ToTensor()}
 * (byte / 255, in [0, 1]), optionally followed by the lesson's {@code Normalize((0.5,), (0.5,))}
 * (in [-1, 1]). Point sets ignore it.
 */
public enum Normalization implements Choice {
    NONE("none", "0 to 1 (ToTensor)", 0f, 1f),
    LESSON("lesson", "−1 to 1 (the lesson's Normalize)", 0.5f, 0.5f);

    private final String key;
    private final String label;
    private final float mean;
    private final float std;

    Normalization(String key, String label, float mean, float std) {
        this.key = key;
        this.label = label;
        this.mean = mean;
        this.std = std;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    /** The mean subtracted after scaling to [0, 1] ({@code Normalize}'s first argument). */
    public float mean() {
        return mean;
    }

    /** The divisor after subtracting the mean ({@code Normalize}'s second argument). */
    public float std() {
        return std;
    }

    /**
     * The input each of the 256 pixel bytes becomes, computed in float in torchvision's order
     * (divide by 255, subtract the mean, divide by the standard deviation), so the values are
     * bit for bit PyTorch's.
     */
    public float[] byteValues() {
        float[] values = new float[256];
        for (int b = 0; b < 256; b++) {
            values[b] = (b / 255f - mean) / std;
        }
        return values;
    }

    public static Normalization fromKey(String text) {
        return Choice.parse(Normalization.class, text, "normalize");
    }
}
