package org.trainingplayground.ui.classroom;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import java.util.function.Consumer;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.session.classroom.Challenge;
import org.trainingplayground.session.classroom.ChallengeResult;
import org.trainingplayground.session.classroom.LiveClass;

/**
 * The class's challenge: the teacher sets the goal, and the leaderboard ranks every student's
 * best run by its accuracy on the test samples no chart shows, ties by fewer weights.
 */
final class ChallengePanel extends Composite<Div> {

    private final Select<DatasetKind> dataset = new Select<>();
    private final NumberField accuracy = new NumberField("Test accuracy at least (%)");
    private final IntegerField parameters = new IntegerField("Weights at most");
    private final IntegerField epochs = new IntegerField("Within epochs");
    private final Paragraph current = new Paragraph();
    private final NativeTableBody leaders = new NativeTableBody();
    private List<ChallengeResult> shown = List.of();

    ChallengePanel(LiveClass live, Consumer<Runnable> act, Consumer<String> say) {
        dataset.setId("challenge-dataset");
        dataset.setLabel("Dataset");
        dataset.setItems(DatasetKind.values());
        dataset.setItemLabelGenerator(DatasetKind::label);
        dataset.setValue(DatasetKind.MNIST);
        accuracy.setId("challenge-accuracy");
        accuracy.setMin(1);
        accuracy.setMax(100);
        accuracy.setValue(95.0);
        parameters.setId("challenge-parameters");
        parameters.setMin(1);
        parameters.setPlaceholder("any");
        epochs.setId("challenge-epochs");
        epochs.setMin(1);
        epochs.setPlaceholder("any");
        Button set = new Button(
                "Set the challenge",
                e -> act.accept(() -> {
                    Challenge challenge = new Challenge(
                            dataset.getValue(),
                            accuracy.getValue() == null ? Double.NaN : accuracy.getValue() / 100,
                            parameters.getValue() == null ? 0 : parameters.getValue(),
                            epochs.getValue() == null ? 0 : epochs.getValue());
                    live.scores().setChallenge(challenge);
                    say.accept("Challenge set: " + challenge.describe() + ".");
                }));
        set.setId("set-challenge");
        current.setId("class-challenge");
        Div form = new Div(dataset, accuracy, parameters, epochs, set);
        form.addClassName("class-message-box");
        NativeTableRow head = new NativeTableRow();
        for (String heading :
                List.of("Rank", "Student", "Hidden test accuracy", "Weights", "Epoch", "Met")) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(heading);
            cell.getElement().setAttribute("scope", "col");
            head.add(cell);
        }
        NativeTable table = new NativeTable(new NativeTableHeader(head), leaders);
        table.setId("class-leaderboard");
        table.addClassName("class-roster");
        // It scrolls sideways on a phone: the keyboard must reach it too.
        table.getElement().setAttribute("tabindex", "0");
        table.getElement().setAttribute("aria-label", "Leaderboard");
        Paragraph how = new Paragraph("Scores are measured on a fifth of the test split that"
                + " no student's chart shows, so nobody can tune a run to it.");
        how.addClassName("class-action-result");
        getContent().add(new H2("Challenge"), current, form, how, table);
        show(live);
    }

    /** Shows the challenge and the leaderboard as they are now (UI thread). */
    void show(LiveClass live) {
        Challenge challenge = live.scores().challenge();
        current.setText(challenge == null ? "No challenge yet." : challenge.describe() + ".");
        List<ChallengeResult> ranked = live.scores().leaderboard();
        if (ranked.equals(shown)) {
            return;
        }
        shown = ranked;
        leaders.removeAll();
        for (int i = 0; i < ranked.size(); i++) {
            ChallengeResult result = ranked.get(i);
            NativeTableRow row = new NativeTableRow(
                    new NativeTableCell(Integer.toString(i + 1)),
                    new NativeTableCell(result.nickname()),
                    new NativeTableCell(Challenge.percent(result.hiddenAccuracy())),
                    new NativeTableCell(String.format("%,d", result.parameters())),
                    new NativeTableCell(Integer.toString(result.epoch())),
                    new NativeTableCell(result.met() ? "met" : "not yet"));
            row.addClassName("leader-row");
            row.getElement().setAttribute("data-nickname", result.nickname());
            row.getElement().setAttribute("data-met", Boolean.toString(result.met()));
            leaders.add(row);
        }
    }
}
