package org.trainingplayground.ui.autograd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trainingplayground.core.autograd.AutogradGraph;
import org.trainingplayground.core.autograd.AutogradGraph.Node;

/**
 * The autograd graph drawn in the browser ({@code <tp-autograd-graph>}): the input batch at the
 * top, the loss at the bottom, the operations between them in one column and each layer's
 * weight and bias to the right of the operation that takes them. This class lays the nodes out
 * on that grid; the element draws them and runs the backward pass when told a step was taken.
 */
@Tag("tp-autograd-graph")
@JsModule("./autograd-graph/autograd-graph.ts")
public class AutogradGraphView extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AutogradGraph shown;

    public AutogradGraphView() {
        setId("autograd-graph");
    }

    /** Draws {@code graph}, whose loss is computed by {@code criterion} (its PyTorch code). */
    public void show(AutogradGraph graph, String criterion) {
        if (graph.equals(shown)) {
            return;
        }
        shown = graph;
        Map<Integer, int[]> places = layOut(graph);
        int[] levels = levels(graph);
        ArrayNode nodes = JSON.createArrayNode();
        for (Node node : graph.nodes()) {
            ObjectNode json = nodes.addObject();
            json.put("id", node.id());
            json.put("kind", node.kind().name().toLowerCase(java.util.Locale.ROOT));
            json.put("name", node.name());
            json.put("shape", node.shape().isEmpty() ? "scalar" : node.shape().toString());
            ArrayNode inputs = json.putArray("inputs");
            node.inputs().forEach(inputs::add);
            json.put("row", places.get(node.id())[0]);
            json.put("col", places.get(node.id())[1]);
            json.put("level", levels[node.id()]);
            json.put("parameter", node.parameter());
            json.put("inLoss", node.inLoss());
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("nodes", nodes);
        root.put("criterion", criterion);
        getElement().setProperty("graph", root.toString());
        getElement().setProperty("backward", "");
    }

    /**
     * Runs the backward pass of {@code step} in the browser: from the loss to the leaves, where
     * each parameter's gradient norm then appears.
     *
     * @param gradNorms ‖.grad‖ of each parameter tensor, weights and biases alternating
     */
    public void backward(long step, float[] gradNorms) {
        ObjectNode json = JSON.createObjectNode();
        json.put("step", step);
        ArrayNode grads = json.putArray("grads");
        for (float norm : gradNorms) {
            grads.add(norm);
        }
        getElement().setProperty("backward", json.toString());
    }

    /** Forgets the last backward pass: a new run's parameters have no .grad yet. */
    public void clearBackward() {
        getElement().setProperty("backward", "");
    }

    /** The graph drawn, null before the first. */
    public AutogradGraph shownGraph() {
        return shown;
    }

    /**
     * Row and column of each node. The path from the input to the loss runs down column 0. An
     * operation's other inputs go to its right: the first (a bias, the labels) one row higher,
     * beside the operation before it, the rest on its own row, each followed by its own inputs
     * (a weight after its transpose). A row is skipped only where that place is taken.
     */
    static Map<Integer, int[]> layOut(AutogradGraph graph) {
        Map<Integer, int[]> places = new HashMap<>();
        int row = -1;
        boolean previousHasSideRow = false;
        for (Node node : graph.nodes()) {
            if (!node.onPath() && node != graph.loss()) {
                continue;
            }
            List<Node> side = node.inputs().stream()
                    .map(graph.nodes()::get)
                    .filter(n -> !n.onPath())
                    .toList();
            row += !side.isEmpty() && previousHasSideRow ? 2 : 1;
            places.put(node.id(), new int[] {row, 0});
            int column = 1;
            for (int s = 0; s < side.size(); s++) {
                if (s == 0) {
                    placeWithInputs(graph, side.get(0), row - 1, 1, places);
                } else {
                    column = placeWithInputs(graph, side.get(s), row, column, places);
                }
            }
            previousHasSideRow = side.size() > 1;
        }
        return places;
    }

    /** Places {@code node} and, to its right, what it takes; returns the next free column. */
    private static int placeWithInputs(
            AutogradGraph graph, Node node, int row, int column, Map<Integer, int[]> places) {
        places.put(node.id(), new int[] {row, column});
        int next = column + 1;
        for (int input : node.inputs()) {
            next = placeWithInputs(graph, graph.nodes().get(input), row, next, places);
        }
        return next;
    }

    /** How many operations backward goes through from the loss to reach each node. */
    static int[] levels(AutogradGraph graph) {
        int[] levels = new int[graph.nodes().size()];
        List<Node> nodes = graph.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            for (int input : nodes.get(i).inputs()) {
                levels[input] = Math.max(levels[input], levels[i] + 1);
            }
        }
        return levels;
    }
}
