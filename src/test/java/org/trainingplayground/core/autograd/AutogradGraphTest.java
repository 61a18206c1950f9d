package org.trainingplayground.core.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainingplayground.core.autograd.AutogradGraph.Kind;
import org.trainingplayground.core.autograd.AutogradGraph.Node;
import org.trainingplayground.core.code.PythonTorch;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;

class AutogradGraphTest {

    private static final List<String> LESSON_OPERATIONS = List.of(
            "TBackward0",
            "AddmmBackward0",
            "ReluBackward0",
            "TBackward0",
            "AddmmBackward0",
            "ReluBackward0",
            "TBackward0",
            "AddmmBackward0",
            "LogSoftmaxBackward0",
            "NllLossBackward0");

    @Test
    void theLessonNetworkWithCrossEntropyRecordsAddmmReluLogSoftmaxAndNllLoss() {
        AutogradGraph graph =
                AutogradGraph.of(NetworkSpec.lesson(), LossKind.CROSS_ENTROPY, 64, true);

        assertEquals(LESSON_OPERATIONS, graph.operationNames());
        Node input = graph.nodes().get(0);
        assertEquals("images", input.name());
        assertEquals(List.of(64, 784), input.shape());
        assertFalse(input.requiresGrad(), "the input batch does not require grad");
        List<String> leaves = graph.nodes().stream()
                .filter(n -> n.kind() == Kind.PARAMETER)
                .map(n -> n.name() + n.shape() + "#" + n.parameter())
                .toList();
        assertEquals(
                List.of(
                        "fc1.bias[128]#1", "fc1.weight[128, 784]#0",
                        "fc2.bias[64]#3", "fc2.weight[64, 128]#2",
                        "fc3.bias[10]#5", "fc3.weight[10, 64]#4"),
                leaves);
        Node loss = graph.loss();
        assertEquals("NllLossBackward0", loss.name());
        assertEquals(List.of(), loss.shape(), "the loss is a scalar");
        Node logSoftmax = graph.nodes().get(loss.inputs().get(0));
        assertTrue(logSoftmax.inLoss(), "CrossEntropyLoss records the LogSoftmax itself");
        assertEquals(List.of(64, 10), logSoftmax.shape());
    }

    @Test
    void logSoftmaxWithNllLossRecordsTheSameNodesWithTheLogSoftmaxInTheModel() {
        AutogradGraph graph = AutogradGraph.of(NetworkSpec.lesson(), LossKind.NLL, 64, true);

        assertEquals(LESSON_OPERATIONS, graph.operationNames());
        Node logSoftmax = graph.nodes().get(graph.loss().inputs().get(0));
        assertEquals("LogSoftmaxBackward0", logSoftmax.name());
        assertFalse(logSoftmax.inLoss(), "nn.LogSoftmax is the model's last module");
    }

    @Test
    void addingALayerAddsItsNodesAndALinearLayerHasNoActivation() {
        NetworkSpec deeper = NetworkSpec.lesson()
                .withHidden(List.of(
                        new LayerSpec(128, Activation.RELU),
                        new LayerSpec(64, Activation.NONE),
                        new LayerSpec(32, Activation.TANH)));

        List<String> names = AutogradGraph.of(deeper, LossKind.MSE, 16, true).operationNames();

        assertEquals(
                List.of(
                        "TBackward0",
                        "AddmmBackward0",
                        "ReluBackward0",
                        "TBackward0",
                        "AddmmBackward0",
                        "TBackward0",
                        "AddmmBackward0",
                        "TanhBackward0",
                        "TBackward0",
                        "AddmmBackward0",
                        "MseLossBackward0"),
                names);
    }

    static Stream<Arguments> networks() {
        NetworkSpec lesson = NetworkSpec.lesson();
        NetworkSpec points = new NetworkSpec(
                2,
                List.of(
                        new LayerSpec(8, Activation.SIGMOID),
                        new LayerSpec(6, Activation.LEAKY_RELU)),
                3,
                Init.PYTORCH);
        NetworkSpec linear = new NetworkSpec(784, List.of(), 10, Init.PYTORCH);
        NetworkSpec tanhThenLinear = new NetworkSpec(
                2,
                List.of(new LayerSpec(5, Activation.TANH), new LayerSpec(4, Activation.NONE)),
                2,
                Init.PYTORCH);
        return Stream.of(
                Arguments.of("the lesson with CrossEntropyLoss", lesson, LossKind.CROSS_ENTROPY),
                Arguments.of("the lesson with LogSoftmax and NLLLoss", lesson, LossKind.NLL),
                Arguments.of("Sigmoid and LeakyReLU with MSELoss", points, LossKind.MSE),
                Arguments.of("no hidden layer", linear, LossKind.CROSS_ENTROPY),
                Arguments.of("Tanh then a linear layer", tanhThenLinear, LossKind.NLL));
    }

    /**
     * Builds the same network in PyTorch, as the page's PyTorch code does, and compares the
     * graph that its backward walks (grad_fn and next_functions) with ours, node by node.
     */
    @ParameterizedTest(name = "the graph of {0} is the one PyTorch records")
    @MethodSource("networks")
    void theGraphIsTheOnePyTorchRecords(
            String name, NetworkSpec network, LossKind loss, @TempDir Path folder)
            throws Exception {
        PythonTorch.assumeAvailable();
        AutogradGraph graph = AutogradGraph.of(network, loss, 5, true);

        String printed = PythonTorch.run(folder, "graph.py", pythonGraph(network, loss, 5));

        assertEquals(printed.strip(), tree(graph, graph.loss(), 0).strip());
    }

    /** The graph as backward walks it from the loss, one node per line, indented by depth. */
    private static String tree(AutogradGraph graph, Node node, int depth) {
        if (node.kind() == Kind.DATA) {
            return ""; // PyTorch's next_functions hold None for what does not require grad
        }
        String line = " ".repeat(depth)
                + (node.kind() == Kind.PARAMETER ? "AccumulateGrad " + node.shape() : node.name())
                + "\n";
        return line
                + node.inputs().stream()
                        .map(i -> tree(graph, graph.nodes().get(i), depth + 1))
                        .collect(Collectors.joining());
    }

    private static String pythonGraph(NetworkSpec network, LossKind loss, int batch) {
        StringBuilder modules = new StringBuilder();
        int fanIn = network.inputs();
        for (LayerSpec layer : network.hidden()) {
            modules.append("nn.Linear(%d, %d), ".formatted(fanIn, layer.width()));
            switch (layer.activation()) {
                case RELU -> modules.append("nn.ReLU(), ");
                case SIGMOID -> modules.append("nn.Sigmoid(), ");
                case TANH -> modules.append("nn.Tanh(), ");
                case LEAKY_RELU -> modules.append("nn.LeakyReLU(0.01), ");
                case NONE -> {}
            }
            fanIn = layer.width();
        }
        modules.append("nn.Linear(%d, %d), ".formatted(fanIn, network.outputs()));
        String criterion = "nn.CrossEntropyLoss()";
        String target = "torch.zeros(%d, dtype=torch.long)".formatted(batch);
        if (loss == LossKind.NLL) {
            modules.append("nn.LogSoftmax(dim=1), ");
            criterion = "nn.NLLLoss()";
        } else if (loss == LossKind.MSE) {
            criterion = "nn.MSELoss()";
            target = "torch.zeros(%d, %d)".formatted(batch, network.outputs());
        }
        return """
                import torch, torch.nn as nn
                model = nn.Sequential(%s)
                loss = %s(model(torch.zeros(%d, %d)), %s)
                def walk(fn, depth):
                    if hasattr(fn, "variable"):
                        print(" " * depth + "AccumulateGrad " + str(list(fn.variable.shape)))
                    else:
                        print(" " * depth + type(fn).__name__)
                    for child, _ in fn.next_functions:
                        if child is not None:
                            walk(child, depth + 1)
                walk(loss.grad_fn, 0)
                """.formatted(modules, criterion, batch, network.inputs(), target);
    }
}
