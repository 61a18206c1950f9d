package org.trainingplayground.core.code;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/**
 * Writes the PyTorch script that trains what a configuration describes: the same data, network,
 * initialisation, loss, optimizer, batch size, epochs and seed, in the lesson's loop.
 *
 * <p>The script a student copies and the one the tests run come from the same method: only
 * where the data lives and how long the loop runs differ ({@link Options}).
 */
public final class PyTorchCode {

    private static final String INDENT = "    ";
    /** Where the loop's comments start: after its longest usual statement, the MSE loss. */
    private static final int LOOP_COMMENT_COLUMN = 45;

    private PyTorchCode() {}

    /**
     * Where the script finds its data and how long it trains.
     *
     * @param dataRoot folder torchvision reads the image sets from (and downloads them into)
     * @param download whether torchvision may download missing image files
     * @param maxBatches stop each epoch after this many batches; 0 trains on every batch
     * @param maxEpochs train at most this many epochs; 0 trains the configured number
     */
    public record Options(Path dataRoot, boolean download, int maxBatches, int maxEpochs) {

        public Options {
            Objects.requireNonNull(dataRoot, "dataRoot");
            if (maxBatches < 0) {
                throw new IllegalArgumentException(
                        "The number of batches per epoch cannot be negative, not " + maxBatches
                                + ".");
            }
            if (maxEpochs < 0) {
                throw new IllegalArgumentException(
                        "The number of epochs cannot be negative, not " + maxEpochs + ".");
            }
        }

        /** What a student gets: torchvision downloads the images into {@code ./data}. */
        public static Options student() {
            return new Options(Path.of("data"), true, 0, 0);
        }

        /**
         * A short check of the same script: images read from {@code dataRoot} (laid out as
         * torchvision expects, never downloaded), one epoch of at most {@code maxBatches}.
         */
        public static Options quickCheck(Path dataRoot, int maxBatches) {
            return new Options(dataRoot, false, maxBatches, 1);
        }
    }

    /** The script a student copies: it downloads the image sets and trains the whole run. */
    public static String generate(PlaygroundConfig config) {
        return generate(config, Options.student());
    }

    /** The script for {@code config}, reading data and stopping as {@code options} say. */
    public static String generate(PlaygroundConfig config, Options options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        RunSpec run = config.run();
        StringBuilder py = new StringBuilder();
        header(py, run);
        data(py, run, options);
        model(py, run.network(), run.dataset().kind().images(), run.loss());
        init(py, run.network());
        criterionAndOptimizer(py, run);
        loop(py, run, options);
        return py.toString();
    }

    /** A file name for the download, e.g. {@code training_playground_mnist.py}. */
    public static String fileName(PlaygroundConfig config) {
        return "training_playground_" + config.run().dataset().kind().key().replace('-', '_')
                + ".py";
    }

    private static void header(StringBuilder py, RunSpec run) {
        line(
                py,
                "# The Training Playground run in PyTorch: %s, %s, %s.",
                run.dataset().kind().label(),
                shape(run.network()),
                run.optimizer().kind() == OptimizerKind.ADAM ? "Adam" : "SGD");
        if (run.dataset().kind().images()) {
            line(py, "# Needs torch and torchvision (pip install torch torchvision, or on Debian:");
            line(py, "# apt install python3-torch python3-torchvision).");
        } else {
            line(py, "# Needs torch (pip install torch, or on Debian: apt install python3-torch).");
            line(py, "import math");
            line(py, "");
        }
        line(py, "import torch");
        line(py, "from torch import nn, optim");
        if (run.loss() == LossKind.MSE) {
            line(py, "from torch.nn import functional as F");
        }
        if (run.dataset().kind().images()) {
            line(py, "from torch.utils.data import DataLoader");
            line(py, "from torchvision import datasets, transforms");
        } else {
            line(py, "from torch.utils.data import DataLoader, TensorDataset");
        }
        line(py, "");
        line(
                py,
                "# The same seed as the playground. PyTorch draws its random numbers differently,");
        line(py, "# so the losses come out close to the playground's, not identical.");
        line(py, "torch.manual_seed(%d)", run.seed());
        line(py, "");
    }

    private static String shape(NetworkSpec network) {
        StringBuilder text = new StringBuilder().append(network.inputs());
        for (LayerSpec layer : network.hidden()) {
            text.append('-').append(layer.width());
        }
        return text.append('-').append(network.outputs()).append(" network").toString();
    }

    private static void data(StringBuilder py, RunSpec run, Options options) {
        DatasetSpec dataset = run.dataset();
        if (dataset.kind().images()) {
            images(py, dataset.kind(), options);
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

    private static void images(StringBuilder py, DatasetKind kind, Options options) {
        boolean mnist = kind == DatasetKind.MNIST;
        String subset = mnist
                ? "8,000 for training and 2,000 for testing"
                : "10,000 for training and 2,000 for testing";
        line(
                py,
                "# Data: the full %s, 60,000 training and 10,000 test images, downloaded into",
                mnist ? "MNIST" : "Fashion-MNIST");
        line(
                py,
                "# %s the first time. The playground trains on a subset of the same images:",
                pythonString(options.dataRoot().toString()));
        line(py, "# %s.", subset);
        line(py, "# ToTensor turns each 28x28 image into numbers from 0 (background) to 1 (ink),");
        line(py, "# as the playground does.");
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
            line(
                    py,
                    "%stransform=transforms.ToTensor())",
                    " ".repeat((train ? 22 : 21) + dataClass.length()));
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

    private static void model(
            StringBuilder py, NetworkSpec network, boolean images, LossKind loss) {
        line(py, "# The network: Linear layers with an activation after each hidden one. The last");
        line(py, "# Linear layer has no activation: it outputs one score (logit) per class.");
        line(py, "model = nn.Sequential(");
        if (images) {
            line(py, "%snn.Flatten(),  # 28x28 image -> 784 numbers", INDENT);
        }
        int fanIn = network.inputs();
        for (LayerSpec layer : network.hidden()) {
            line(py, "%snn.Linear(%d, %d),", INDENT, fanIn, layer.width());
            if (layer.activation() != Activation.NONE) {
                line(py, "%snn.%s(),", INDENT, layer.activation().label());
            }
            fanIn = layer.width();
        }
        line(py, "%snn.Linear(%d, %d),", INDENT, fanIn, network.outputs());
        if (loss == LossKind.NLL) {
            line(py, "%snn.LogSoftmax(dim=1),  # log-probabilities for NLLLoss", INDENT);
        }
        line(py, ")");
        line(py, "");
    }

    private static void init(StringBuilder py, NetworkSpec network) {
        switch (network.init()) {
            case PYTORCH -> {
                // nn.Linear already draws its weights this way: nothing to add.
            }
            case XAVIER -> {
                line(py, "# Xavier (Glorot) initialisation: uniform weights, zero biases.");
                initLoop(py, "nn.init.xavier_uniform_(layer.weight)");
            }
            case HE -> {
                line(py, "# He (Kaiming) initialisation: normal weights with variance 2/fan_in,");
                line(py, "# zero biases.");
                initLoop(py, "nn.init.kaiming_normal_(layer.weight, nonlinearity=\"relu\")");
            }
        }
    }

    private static void initLoop(StringBuilder py, String weightCall) {
        line(py, "for layer in model:");
        line(py, "%sif isinstance(layer, nn.Linear):", INDENT);
        line(py, "%s%s%s", INDENT, INDENT, weightCall);
        line(py, "%s%snn.init.zeros_(layer.bias)", INDENT, INDENT);
        line(py, "");
    }

    private static void criterionAndOptimizer(StringBuilder py, RunSpec run) {
        switch (run.loss()) {
            case CROSS_ENTROPY ->
                line(
                        py,
                        "criterion = nn.CrossEntropyLoss()  # takes the raw logits: softmax is inside");
            case NLL ->
                line(py, "criterion = nn.NLLLoss()  # takes the log-probabilities of LogSoftmax");
            case MSE ->
                line(py, "criterion = nn.MSELoss()  # between the logits and one-hot targets");
        }
        OptimizerSpec optimizer = run.optimizer();
        StringBuilder arguments = new StringBuilder("model.parameters(), lr=")
                .append(number(optimizer.learningRate()));
        if (optimizer.kind() == OptimizerKind.SGD) {
            arguments.append(", momentum=").append(number(optimizer.momentum()));
            if (optimizer.nesterov()) {
                arguments.append(", nesterov=True");
            }
        } else {
            arguments
                    .append(", betas=(")
                    .append(number(optimizer.beta1()))
                    .append(", ")
                    .append(number(optimizer.beta2()))
                    .append(')');
        }
        if (optimizer.weightDecay() > 0) {
            arguments.append(", weight_decay=").append(number(optimizer.weightDecay()));
        }
        line(
                py,
                "optimizer = optim.%s(%s)",
                optimizer.kind() == OptimizerKind.SGD ? "SGD" : "Adam",
                arguments);
        line(py, "");
    }

    private static void loop(StringBuilder py, RunSpec run, Options options) {
        int epochs = options.maxEpochs() == 0
                ? run.epochs()
                : Math.min(run.epochs(), options.maxEpochs());
        String i1 = INDENT;
        String i2 = INDENT + INDENT;
        String i3 = i2 + INDENT;
        line(py, "for epoch in range(1, %d):", epochs + 1);
        line(py, "%smodel.train()", i1);
        line(py, "%stotal_loss, seen = 0.0, 0", i1);
        if (options.maxBatches() > 0) {
            line(py, "%sfor batch, (inputs, labels) in enumerate(train_loader):", i1);
            line(
                    py,
                    "%sif batch == %d:  # a short check: stop after %d batch%s",
                    i2,
                    options.maxBatches(),
                    options.maxBatches(),
                    options.maxBatches() == 1 ? "" : "es");
            line(py, "%sbreak", i3);
        } else {
            line(py, "%sfor inputs, labels in train_loader:", i1);
        }
        commented(py, i2, "optimizer.zero_grad()", "clear the gradients of the previous step");
        commented(py, i2, "outputs = model(inputs)", "forward");
        if (run.loss() == LossKind.MSE) {
            commented(
                    py,
                    i2,
                    String.format(
                            Locale.ROOT,
                            "targets = F.one_hot(labels, num_classes=%d).float()",
                            run.network().outputs()),
                    "1 for the true class, 0 for the others");
            commented(py, i2, "loss = criterion(outputs, targets)", "loss");
        } else {
            commented(py, i2, "loss = criterion(outputs, labels)", "loss");
        }
        commented(py, i2, "loss.backward()", "backward: the gradient of every weight");
        commented(py, i2, "optimizer.step()", "update: move each weight against its gradient");
        line(py, "%stotal_loss += loss.item() * len(labels)", i2);
        line(py, "%sseen += len(labels)", i2);
        line(py, "");
        line(py, "%smodel.eval()", i1);
        line(py, "%scorrect, tested = 0, 0", i1);
        line(py, "%swith torch.no_grad():  # testing needs no gradients", i1);
        line(py, "%sfor inputs, labels in test_loader:", i2);
        line(py, "%spredicted = model(inputs).argmax(dim=1)", i3);
        line(py, "%scorrect += (predicted == labels).sum().item()", i3);
        line(py, "%stested += len(labels)", i3);
        line(py, "%sprint(f\"epoch {epoch}: train loss {total_loss / seen:.4f},\"", i1);
        line(py, "%s      f\" test accuracy {100 * correct / tested:.1f} %%\")", i1);
    }

    /**
     * A number as a student would type it: {@code 0.003}, {@code 0.9}, {@code 0}, {@code 1e-8}
     * for very small ones, never the binary fraction's long tail.
     */
    static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        if (decimal.signum() == 0) {
            return "0";
        }
        if (Math.abs(value) >= 1e-4) {
            return decimal.toPlainString();
        }
        // Eight zeros after the point are hard to count: 1e-8 reads better.
        BigDecimal mantissa = decimal.movePointRight(decimal.scale() - decimal.precision() + 1);
        int exponent = decimal.precision() - decimal.scale() - 1;
        return mantissa.toPlainString() + "e" + exponent;
    }

    /** A Python string literal holding {@code text}. */
    static String pythonString(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '"' -> literal.append("\\\"");
                case '\n' -> literal.append("\\n");
                default -> literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    /**
     * One statement of the loop with its comment, the comments lined up in one column so the
     * four steps read as a list.
     */
    private static void commented(
            StringBuilder py, String indent, String statement, String comment) {
        String code = indent + statement;
        int column = LOOP_COMMENT_COLUMN;
        py.append(code)
                .append(" ".repeat(Math.max(2, column - code.length())))
                .append("# ")
                .append(comment)
                .append('\n');
    }

    private static void line(StringBuilder py, String format, Object... arguments) {
        py.append(String.format(Locale.ROOT, format, arguments)).append('\n');
    }
}
