package org.trainingplayground.core.code;

import static org.trainingplayground.core.code.Python.line;
import static org.trainingplayground.core.code.Python.number;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.Activation;
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
        PyTorchData.write(py, run, options);
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
}
