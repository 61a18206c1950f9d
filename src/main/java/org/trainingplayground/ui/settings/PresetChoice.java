package org.trainingplayground.ui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.select.Select;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.session.Presets;

/**
 * The preset menu: choosing one hands its settings on; whatever the form shows, the menu names
 * the preset it matches, or none ("Your own settings").
 */
public class PresetChoice extends Composite<Select<Presets>> {

    private final Function<Presets, RunSpec> settingsOf;
    private boolean showing;

    /**
     * @param settingsOf a preset's settings as the form would apply them
     * @param onChosen called with those settings when the user picks a preset
     */
    public PresetChoice(Function<Presets, RunSpec> settingsOf, Consumer<RunSpec> onChosen) {
        this.settingsOf = settingsOf;
        Select<Presets> preset = getContent();
        preset.setId("preset");
        preset.setLabel("Preset");
        preset.setItems(Presets.values());
        preset.setItemLabelGenerator(Presets::label);
        preset.setPlaceholder("Your own settings");
        preset.setHelperText("Lesson: the lesson exactly · Quick: learns within seconds ·"
                + " Spiral: a small net untangles 2-D points.");
        preset.setWidthFull();
        preset.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                onChosen.accept(settingsOf.apply(e.getValue()));
            }
        });
    }

    /** Names the preset {@code spec} is, or none, without handing anything on. */
    public void showMatching(RunSpec spec) {
        Presets matching = null;
        for (Presets candidate : Presets.values()) {
            if (settingsOf.apply(candidate).equals(spec)) {
                matching = candidate;
            }
        }
        if (!Objects.equals(getContent().getValue(), matching)) {
            showing = true;
            try {
                getContent().setValue(matching);
            } finally {
                showing = false;
            }
        }
    }
}
