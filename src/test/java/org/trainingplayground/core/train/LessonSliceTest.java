package org.trainingplayground.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainingplayground.core.train.TestEngine.onScheduler;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainingplayground.core.code.PythonTorch;
import org.trainingplayground.core.data.IdxImages;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.session.Presets;

/**
 * The Lesson preset against PyTorch on the same digits: the first 25,600 of MNIST's training
 * set, one epoch of 400 steps, three seeds each. The two shuffle and initialise from different
 * random generators, so single losses differ; the mean over seeds of every 100 steps must not.
 */
class LessonSliceTest {

    private static final int SLICE = 25_600;
    private static final int STEPS = SLICE / 64;
    private static final int CHUNKS = 4;
    private static final long[] SEEDS = {1, 2, 3};
    /** Seeds alone move a chunk's mean by up to ±0.03; their mean over three, less. */
    private static final double TOLERANCE = 0.04;

    @Test
    void theLessonPresetsFirstEpochOnASliceFallsLikePyTorchsOnTheSameSlice(@TempDir Path folder)
            throws Exception {
        PythonTorch.assumeAvailable();
        double[] ours = new double[CHUNKS];
        RunSpec lesson = Presets.LESSON.spec().withEpochs(1);
        assertEquals(DatasetKind.MNIST, lesson.dataset().kind());
        ImageDataset slice = slice(TestEngine.get().imageDataset(DatasetKind.MNIST));
        for (long seed : SEEDS) {
            double[] chunks = onScheduler(() -> {
                TrainingEngine engine = TestEngine.get();
                try (DatasetTensors tensors = new DatasetTensors(slice, engine.rootManager())) {
                    TrainingRun run =
                            new TrainingRun(lesson.withSeed(seed), tensors, engine.rootManager());
                    try {
                        double[] sums = new double[CHUNKS];
                        for (int step = 0; step < STEPS; step++) {
                            sums[step * CHUNKS / STEPS] +=
                                    run.step(false).metrics().loss();
                        }
                        return sums;
                    } finally {
                        run.close();
                    }
                }
            });
            for (int c = 0; c < CHUNKS; c++) {
                ours[c] += chunks[c] / (STEPS / CHUNKS) / SEEDS.length;
            }
        }

        String printed = PythonTorch.run(folder, "slice.py", pyTorchSlice());
        double[] theirs = Arrays.stream(printed.strip().split("\\s+"))
                .mapToDouble(Double::parseDouble)
                .toArray();

        String both = String.format(
                Locale.ROOT,
                "ours %s, PyTorch's %s",
                Arrays.toString(ours),
                Arrays.toString(theirs));
        assertEquals(CHUNKS, theirs.length, printed);
        for (int c = 0; c < CHUNKS; c++) {
            assertEquals(
                    theirs[c],
                    ours[c],
                    TOLERANCE,
                    "steps " + (c * 100 + 1) + "–" + (c + 1) * 100 + ": " + both);
        }
        assertTrue(ours[0] - ours[CHUNKS - 1] > 0.1, "the loss falls: " + both);
    }

    /** The first {@value #SLICE} training digits; the test set stays whole (it is not used). */
    private static ImageDataset slice(ImageDataset mnist) {
        IdxImages train = mnist.trainImages();
        IdxImages first = new IdxImages(
                SLICE,
                train.rows(),
                train.cols(),
                Arrays.copyOf(train.pixels(), SLICE * train.pixelsPerImage()));
        return new ImageDataset(
                mnist.name(),
                first,
                Arrays.copyOf(mnist.trainLabels(), SLICE),
                mnist.testImages(),
                mnist.testLabels(),
                mnist.classNames());
    }

    /** The lesson's loop in PyTorch on the same slice, printing the seeds' mean per chunk. */
    private static String pyTorchSlice() {
        Path mnist = Path.of("datasets", "mnist").toAbsolutePath();
        return """
                import gzip, numpy as np, torch, torch.nn as nn
                torch.set_num_threads(1)
                n = %d
                with gzip.open("%s/train-images-idx3-ubyte.gz") as f:
                    images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)[:n]
                with gzip.open("%s/train-labels-idx1-ubyte.gz") as f:
                    labels = np.frombuffer(f.read(), np.uint8, offset=8)[:n]
                # ToTensor, then the lesson's Normalize((0.5,), (0.5,)).
                x = (torch.from_numpy(images.copy()).float() / 255 - 0.5) / 0.5
                y = torch.from_numpy(labels.astype(np.int64))
                chunks = np.zeros(%d)
                for seed in %s:
                    torch.manual_seed(seed)
                    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64),
                                          nn.ReLU(), nn.Linear(64, 10))
                    optimizer = torch.optim.SGD(model.parameters(), lr=0.003)
                    criterion = nn.CrossEntropyLoss()
                    losses = []
                    for batch in torch.randperm(n).split(64):
                        optimizer.zero_grad()
                        loss = criterion(model(x[batch]), y[batch])
                        loss.backward()
                        optimizer.step()
                        losses.append(loss.item())
                    chunks += [np.mean(c) for c in np.array_split(np.array(losses), %d)]
                print(" ".join("%%.4f" %% c for c in chunks / %d))
                """.formatted(
                        SLICE, mnist, mnist, CHUNKS, Arrays.toString(SEEDS), CHUNKS, SEEDS.length);
    }
}
