package org.trainingplayground.core.code;

import static org.trainingplayground.core.code.Python.line;
import static org.trainingplayground.core.code.Python.number;
import static org.trainingplayground.core.code.Python.pythonString;

import org.trainingplayground.core.code.PyTorchCode.Options;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Normalization;
import org.trainingplayground.core.spec.RunSpec;

/**
 * The generated script's data: torchvision's image sets, or the 2-D point sets generated in
 * Python exactly as {@code core.data.PointSets} generates them from the same seed.
 */
final class PyTorchData {

    private PyTorchData() {}

    static void write(StringBuilder py, RunSpec run, Options options) {
        DatasetSpec dataset = run.dataset();
        if (dataset.kind().images()) {
            images(py, dataset, options);
        } else {
            points(py, dataset);
        }
        line(
                py,
                "train_loader = DataLoader(train_set, batch_size=%d, shuffle=True)",
                run.batchSize());
        line(py, "test_loader = DataLoader(test_set, batch_size=1000)");
        line(py, "");
    }

    private static void images(StringBuilder py, DatasetSpec dataset, Options options) {
        DatasetKind kind = dataset.kind();
        boolean lesson = dataset.normalization() == Normalization.LESSON;
        boolean mnist = kind == DatasetKind.MNIST;
        line(
                py,
                "# Data: the full %s, 60,000 training and 10,000 test images, downloaded into",
                mnist ? "MNIST" : "Fashion-MNIST");
        if (mnist) {
            line(
                    py,
                    "# %s the first time: the same digits the playground trains on.",
                    pythonString(options.dataRoot().toString()));
        } else {
            line(
                    py,
                    "# %s the first time. The playground trains on a subset of the same images:",
                    pythonString(options.dataRoot().toString()));
            line(py, "# 10,000 for training and 2,000 for testing.");
        }
        line(py, "# ToTensor turns each 28x28 image into numbers from 0 (background) to 1 (ink),");
        if (lesson) {
            line(
                    py,
                    "# then Normalize((0.5,), (0.5,)) maps them to -1 to 1, as the playground does.");
            line(py, "transform = transforms.Compose([transforms.ToTensor(),");
            line(py, "                                transforms.Normalize((0.5,), (0.5,))])");
        } else {
            line(py, "# as the playground does.");
            line(py, "transform = transforms.ToTensor()");
        }
        String dataClass = mnist ? "MNIST" : "FashionMNIST";
        for (boolean train : new boolean[] {true, false}) {
            line(
                    py,
                    "%s_set = datasets.%s(%s, train=%s, download=%s,",
                    train ? "train" : "test",
                    dataClass,
                    pythonString(options.dataRoot().toString()),
                    train ? "True" : "False",
                    options.download() ? "True" : "False");
            line(py, "%stransform=transform)", " ".repeat((train ? 22 : 21) + dataClass.length()));
        }
    }

    /**
     * The recipe of {@code PointSets}: the same shapes, noise, classes and test share, drawn
     * from PyTorch's random numbers instead of the playground's.
     */
    private static void points(StringBuilder py, DatasetSpec dataset) {
        DatasetKind kind = dataset.kind();
        line(
                py,
                "# Data: %d points, %d classes, noise %s, %d of them held out for testing.",
                dataset.points(),
                dataset.classes(),
                number(dataset.noise()),
                dataset.testPoints());
        line(py, "# The same recipe as the playground's generator, with PyTorch's random");
        line(py, "# numbers: the same kind of points, not exactly the same ones.");
        line(
                py,
                "points, classes, noise, test_count = %d, %d, %s, %d",
                dataset.points(),
                dataset.classes(),
                number(dataset.noise()),
                dataset.testPoints());
        line(py, "labels = torch.arange(points) %% classes  # each class gets as many points");
        switch (kind) {
            case SPIRAL -> {
                line(py, "radius = torch.rand(points)");
                line(
                        py,
                        "# Each arm winds once around the centre, turned by 1/classes of a circle.");
                line(py, "angle = 2 * math.pi * (radius + labels / classes)");
                line(
                        py,
                        "xy = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1)");
            }
            case CIRCLES -> {
                line(
                        py,
                        "radius = torch.where(labels == 0, 0.5, 1.0)  # class 0 on the inner circle");
                line(py, "angle = 2 * math.pi * torch.rand(points)");
                line(
                        py,
                        "xy = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1)");
            }
            case XOR -> {
                line(py, "# Class 0 where x and y have the same sign, class 1 where they differ,");
                line(py, "# outside a thin band along the axes.");
                line(py, "sign_x = torch.randint(0, 2, (points,)) * 2 - 1");
                line(py, "sign_y = torch.where(labels == 0, sign_x, -sign_x)");
                line(py, "x = sign_x * (0.05 + 0.95 * torch.rand(points))");
                line(py, "y = sign_y * (0.05 + 0.95 * torch.rand(points))");
                line(py, "xy = torch.stack([x, y], dim=1)");
            }
            case GAUSSIAN -> {
                line(
                        py,
                        "# One blob per class, the centres spread evenly on a circle of radius 0.6.");
                line(py, "angle = 2 * math.pi * labels / classes");
                line(
                        py,
                        "centres = 0.6 * torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)");
                line(py, "xy = centres + 0.15 * torch.randn(points, 2)");
            }
            case MOONS -> {
                line(
                        py,
                        "# Two interleaved half circles (sklearn's make_moons), scaled into [-1, 1].");
                line(py, "t = math.pi * torch.rand(points)");
                line(py, "x = torch.where(labels == 0, torch.cos(t), 1 - torch.cos(t))");
                line(py, "y = torch.where(labels == 0, torch.sin(t), 0.5 - torch.sin(t))");
                line(py, "xy = torch.stack([(x - 0.5) / 1.5, (y - 0.25) / 1.5], dim=1)");
            }
            default ->
                throw new IllegalArgumentException(
                        kind.label() + " is not a set of generated points.");
        }
        line(py, "xy = xy + noise * torch.randn(points, 2)");
        line(py, "order = torch.randperm(points)  # shuffle, then hold out the test points");
        line(py, "test_set = TensorDataset(xy[order[:test_count]], labels[order[:test_count]])");
        line(py, "train_set = TensorDataset(xy[order[test_count:]], labels[order[test_count:]])");
    }
}
