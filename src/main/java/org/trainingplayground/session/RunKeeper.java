package org.trainingplayground.session;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.stream.Collectors;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.store.HistoryWriter;
import org.trainingplayground.core.store.RunJournal;
import org.trainingplayground.core.store.RunStart;

/**
 * Keeps one learner's runs in the history: each run a playground builds gets a journal, which
 * keeps it from its first step on.
 */
public final class RunKeeper {

    private static final SecureRandom random = new SecureRandom();
    private static final char[] ID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final HistoryWriter writer;
    private final String learnerId;
    private final ClassTie classTie;

    /** Keeps runs outside any class. */
    public RunKeeper(HistoryWriter writer, String learnerId) {
        this(writer, learnerId, ClassTie.NONE);
    }

    /**
     * @param classTie the learner's class, asked at each run (they may join one meanwhile)
     */
    public RunKeeper(HistoryWriter writer, String learnerId, ClassTie classTie) {
        this.writer = writer;
        this.learnerId = learnerId;
        this.classTie = classTie;
    }

    /** The learner's class, told each class run's hidden scores. */
    ClassTie classTie() {
        return classTie;
    }

    public String learnerId() {
        return learnerId;
    }

    /** True while the history's database takes the writes. */
    public boolean saving() {
        return writer.saving();
    }

    /** The operator's most runs per learner; 0 when there is no limit. */
    int maxRuns() {
        return writer.policy().maxRunsPerLearner();
    }

    /** A journal for a run about to be built with these settings. */
    public RunJournal journalFor(RunSpec spec, double speed) {
        RunStart planned = new RunStart(
                newRunId(),
                learnerId,
                Instant.now(),
                ConfigJson.toJson(new PlaygroundConfig(spec, speed)),
                spec.seed(),
                spec.dataset().kind().label(),
                describe(spec.network()),
                spec.optimizer().kind().label(),
                spec.optimizer().learningRate(),
                spec.network().parameterCount(),
                spec.epochs(),
                0,
                classTie.classCode());
        return writer.journal(planned, spec.network().parameterNames());
    }

    /** The widths from input to output and the activations: {@code 784-128-64-10 ReLU}. */
    public static String describe(NetworkSpec network) {
        String widths = network.inputs()
                + network.layerOutputs().stream()
                        .map(width -> "-" + width)
                        .collect(Collectors.joining());
        String activations = network.hidden().stream()
                .map(LayerSpec::activation)
                .distinct()
                .map(activation -> activation.label())
                .collect(Collectors.joining("/"));
        return activations.isEmpty() ? widths : widths + " " + activations;
    }

    /** 16 letters and digits (80 random bits), without look-alikes: a run's address. */
    static String newRunId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_LETTERS[random.nextInt(ID_LETTERS.length)];
        }
        return new String(id);
    }
}
