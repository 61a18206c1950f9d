package org.trainingplayground.core.autograd;

import java.util.ArrayList;
import java.util.List;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.RunSpec;

/**
 * The graph autograd records during one forward pass of a run's network and loss, as PyTorch
 * records it for the run's PyTorch code ({@code nn.Sequential} of {@code nn.Linear} layers and
 * activations, then the criterion): one node per operation under its {@code grad_fn} name, the
 * weights and biases as leaves that require grad, and the tensors that do not (the input batch,
 * the labels). The names are PyTorch's; a test checks them against PyTorch itself.
 *
 * @param nodes in the order the forward pass creates them; the last is the loss
 */
public record AutogradGraph(List<Node> nodes) {

    /** What a node of the graph is. */
    public enum Kind {
        /** A tensor that does not require grad: the input batch, the labels. */
        DATA,
        /** A leaf that requires grad: a weight or a bias; backward accumulates its .grad. */
        PARAMETER,
        /** An operation, named as its output's {@code grad_fn}. */
        OPERATION
    }

    /**
     * One node.
     *
     * @param id its index in {@link #nodes()}
     * @param name the grad_fn's name ({@code AddmmBackward0}), a parameter's ({@code
     *     fc1.weight}) or the data's ({@code images})
     * @param shape the shape of the tensor it outputs, PyTorch's order; empty for the scalar loss
     * @param inputs ids of the nodes it takes, in the order of the operation's arguments
     * @param parameter for a parameter, its index among the network's parameter tensors
     *     (weights and biases alternating, as {@link NetworkSpec#parameterNames()}); else -1
     * @param onPath whether it lies on the path from the input batch to the loss
     * @param inLoss whether the criterion records it, not the model
     */
    public record Node(
            int id,
            Kind kind,
            String name,
            List<Integer> shape,
            List<Integer> inputs,
            int parameter,
            boolean onPath,
            boolean inLoss) {

        public Node {
            shape = List.copyOf(shape);
            inputs = List.copyOf(inputs);
        }

        /** Whether backward reaches this node: every node but the data. */
        public boolean requiresGrad() {
            return kind != Kind.DATA;
        }
    }

    public AutogradGraph {
        nodes = List.copyOf(nodes);
    }

    /** The graph of {@code spec}'s network and loss on one batch of its batch size. */
    public static AutogradGraph of(RunSpec spec) {
        return of(
                spec.network(),
                spec.loss(),
                spec.batchSize(),
                spec.dataset().kind().images());
    }

    /**
     * The graph of {@code network} and {@code loss} on a batch of {@code batch} samples.
     *
     * @param images whether the samples are images (names the input "images", else "points")
     */
    public static AutogradGraph of(NetworkSpec network, LossKind loss, int batch, boolean images) {
        var nodes = new Builder();
        int current = nodes.input(images ? "images" : "points", List.of(batch, network.inputs()));
        int fanIn = network.inputs();
        List<Integer> widths = network.layerOutputs();
        for (int layer = 0; layer < widths.size(); layer++) {
            int width = widths.get(layer);
            String prefix = "fc" + (layer + 1);
            int bias = nodes.parameter(prefix + ".bias", List.of(width), 2 * layer + 1);
            int weight = nodes.parameter(prefix + ".weight", List.of(width, fanIn), 2 * layer);
            // nn.Linear on a batch is addmm(bias, x, weight.t()): x @ Wᵀ + b.
            int transposed =
                    nodes.add("TBackward0", List.of(fanIn, width), List.of(weight), false, false);
            current = nodes.add(
                    "AddmmBackward0",
                    List.of(batch, width),
                    List.of(bias, current, transposed),
                    true,
                    false);
            if (layer < network.hidden().size()) {
                LayerSpec hidden = network.hidden().get(layer);
                if (hidden.activation() != Activation.NONE) {
                    current = nodes.add(
                            backwardName(hidden.activation()),
                            List.of(batch, width),
                            List.of(current),
                            true,
                            false);
                }
            }
            fanIn = width;
        }
        int classes = network.outputs();
        switch (loss) {
            case CROSS_ENTROPY, NLL -> {
                // nn.CrossEntropyLoss is log_softmax then nll_loss, so both record the same
                // graph; only who records the LogSoftmax differs: the criterion or the model.
                current = nodes.add(
                        "LogSoftmaxBackward0",
                        List.of(batch, classes),
                        List.of(current),
                        true,
                        loss == LossKind.CROSS_ENTROPY);
                int labels = nodes.target("labels", List.of(batch));
                nodes.add("NllLossBackward0", List.of(), List.of(current, labels), true, true);
            }
            case MSE -> {
                int targets = nodes.target("one-hot targets", List.of(batch, classes));
                nodes.add("MseLossBackward0", List.of(), List.of(current, targets), true, true);
            }
        }
        return new AutogradGraph(nodes.nodes);
    }

    private static String backwardName(Activation activation) {
        return switch (activation) {
            case RELU -> "ReluBackward0";
            case SIGMOID -> "SigmoidBackward0";
            case TANH -> "TanhBackward0";
            case LEAKY_RELU -> "LeakyReluBackward0";
            case NONE -> throw new IllegalArgumentException("no operation for NONE");
        };
    }

    /** The loss node, where backward starts. */
    public Node loss() {
        return nodes.get(nodes.size() - 1);
    }

    /** The names of the operations, forward order: the graph in one line, for tests and logs. */
    public List<String> operationNames() {
        return nodes.stream()
                .filter(n -> n.kind() == Kind.OPERATION)
                .map(Node::name)
                .toList();
    }

    private static final class Builder {
        private final List<Node> nodes = new ArrayList<>();

        /** The batch the forward pass starts from. */
        int input(String name, List<Integer> shape) {
            return push(Kind.DATA, name, shape, List.of(), -1, true, false);
        }

        /** What the criterion compares the outputs with. */
        int target(String name, List<Integer> shape) {
            return push(Kind.DATA, name, shape, List.of(), -1, false, true);
        }

        int parameter(String name, List<Integer> shape, int index) {
            return push(Kind.PARAMETER, name, shape, List.of(), index, false, false);
        }

        int add(
                String name,
                List<Integer> shape,
                List<Integer> inputs,
                boolean onPath,
                boolean inLoss) {
            return push(Kind.OPERATION, name, shape, inputs, -1, onPath, inLoss);
        }

        private int push(
                Kind kind,
                String name,
                List<Integer> shape,
                List<Integer> inputs,
                int parameter,
                boolean onPath,
                boolean inLoss) {
            int id = nodes.size();
            nodes.add(new Node(id, kind, name, shape, inputs, parameter, onPath, inLoss));
            return id;
        }
    }
}
