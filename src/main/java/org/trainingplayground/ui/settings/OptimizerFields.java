package org.trainingplayground.ui.settings;

import static org.trainingplayground.ui.settings.SettingsFields.format;
import static org.trainingplayground.ui.settings.SettingsFields.numberField;
import static org.trainingplayground.ui.settings.SettingsFields.put;
import static org.trainingplayground.ui.settings.SettingsFields.row;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;

/** The optimizer, its learning rate, and the settings of SGD (momentum) or Adam (betas). */
public class OptimizerFields extends Composite<VerticalLayout> {

    private final Select<OptimizerKind> optimizer = new Select<>();
    private final TextField learningRate;
    private final TextField momentum;
    private final Checkbox nesterov = new Checkbox("Nesterov");
    private final TextField beta1;
    private final TextField beta2;
    private final TextField weightDecay;
    private final HorizontalLayout sgdFields;
    private final HorizontalLayout adamFields;

    public OptimizerFields(Runnable onEdit) {
        optimizer.setId("optimizer");
        optimizer.setLabel("Optimizer");
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(OptimizerKind::label);
        optimizer.setWidthFull();
        optimizer.addValueChangeListener(e -> onEdit.run());
        // The learning rate applies live, even while training; like the other numbers it is
        // read on Enter or when the field is left.
        learningRate = numberField("learning-rate", "Learning rate", onEdit);
        learningRate.setHelperText(
                "SGD: the lesson's 0.003, or 0.01 to 0.1 to learn faster" + " · Adam: try 0.001.");
        momentum = numberField("momentum", "Momentum", onEdit);
        momentum.setHelperText("Share of the last update kept; 0 is plain SGD.");
        nesterov.setId("nesterov");
        nesterov.setTooltipText("Look ahead along the momentum before taking the gradient");
        nesterov.addValueChangeListener(e -> onEdit.run());
        beta1 = numberField("beta1", "β1", onEdit);
        beta1.setHelperText("Memory of gradients");
        beta2 = numberField("beta2", "β2", onEdit);
        beta2.setHelperText("Of their squares");
        weightDecay = numberField("weight-decay", "Weight decay", onEdit);
        weightDecay.setHelperText("Pulls every weight towards 0 a little each step.");
        sgdFields = row(momentum, nesterov);
        sgdFields.setAlignItems(FlexComponent.Alignment.BASELINE);
        adamFields = row(beta1, beta2);
        VerticalLayout fields = getContent();
        fields.add(optimizer, learningRate, sgdFields, adamFields, weightDecay);
        fields.setPadding(false);
        fields.setSpacing(false);
    }

    /** Shows {@code chosen}; the caller keeps the change from counting as an edit. */
    public void fill(OptimizerSpec chosen) {
        optimizer.setValue(chosen.kind());
        learningRate.setValue(format(chosen.learningRate()));
        momentum.setValue(format(chosen.momentum()));
        nesterov.setValue(chosen.nesterov());
        beta1.setValue(format(chosen.beta1()));
        beta2.setValue(format(chosen.beta2()));
        weightDecay.setValue(format(chosen.weightDecay()));
        showFieldsOfKind();
    }

    /** Whether the fields show {@code spec} as {@link #fill} would. */
    public boolean shows(OptimizerSpec spec) {
        return optimizer.getValue() == spec.kind()
                && learningRate.getValue().equals(format(spec.learningRate()))
                && momentum.getValue().equals(format(spec.momentum()))
                && nesterov.getValue() == spec.nesterov()
                && weightDecay.getValue().equals(format(spec.weightDecay()));
    }

    /** Shows the chosen optimizer's own fields only. */
    public void showFieldsOfKind() {
        boolean sgd = optimizer.getValue() != OptimizerKind.ADAM;
        sgdFields.setVisible(sgd);
        momentum.setVisible(sgd);
        adamFields.setVisible(!sgd);
        beta1.setVisible(!sgd);
        beta2.setVisible(!sgd);
    }

    /**
     * The fields' text under their property keys; only the chosen optimizer's own settings,
     * so the others keep their defaults and switching back and forth gives the same settings.
     */
    public void putValues(Map<String, String> values) {
        boolean sgd = optimizer.getValue() != OptimizerKind.ADAM;
        values.put("optimizer", sgd ? OptimizerKind.SGD.key() : OptimizerKind.ADAM.key());
        values.put("lr", learningRate.getValue());
        put(values, "momentum", momentum);
        if (sgd) {
            values.put("nesterov", Boolean.toString(nesterov.getValue()));
        }
        put(values, "beta1", beta1);
        put(values, "beta2", beta2);
        values.put("decay", weightDecay.getValue());
    }

    /**
     * The text fields by the key of the property each shows the problems of: Nesterov's
     * problem (it needs a momentum) shows on the momentum.
     */
    public Map<String, TextField> fieldsByKey() {
        Map<String, TextField> fields = new LinkedHashMap<>();
        fields.put("lr", learningRate);
        fields.put("momentum", momentum);
        fields.put("nesterov", momentum);
        fields.put("beta1", beta1);
        fields.put("beta2", beta2);
        fields.put("decay", weightDecay);
        return fields;
    }
}
