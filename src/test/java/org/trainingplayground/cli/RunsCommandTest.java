package org.trainingplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainingplayground.AppConfig;
import org.trainingplayground.core.store.HistoryPolicy;
import org.trainingplayground.core.store.RunExport;
import org.trainingplayground.core.store.StoreSettings;

/** {@code train --save}, then {@code runs list} and {@code runs export}, on a real SQLite file. */
class RunsCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int runs(StoreSettings store, String... args) {
        out.reset();
        err.reset();
        return RunsCommand.run(args, store, print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String said(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunTrainedWithSaveIsListedAndExportsAsCsvAndJson() throws Exception {
        StoreSettings store = StoreSettings.sqlite(data);
        AppConfig.History history = new AppConfig.History(store, HistoryPolicy.defaults());
        int exit = TrainCommand.run(
                new String[] {"--dataset", "xor", "--hidden", "8", "--epochs", "2", "--save"},
                print(out),
                print(err),
                () -> history);
        assertEquals(0, exit, said(err));
        Matcher kept = Pattern.compile("kept as run (\\w+)").matcher(said(err));
        assertTrue(kept.find(), said(err));
        String id = kept.group(1);

        assertEquals(0, runs(store, "list"));
        String listed = said(out);
        assertTrue(
                listed.contains(id)
                        && listed.contains(TrainCommand.SAVED_LEARNER)
                        && listed.contains("finished"),
                listed);

        assertEquals(0, runs(store, "export", id, "--format", "csv"));
        String csv = said(out);
        assertTrue(csv.startsWith(RunExport.CSV_HEADER + "\n"), csv);
        assertTrue(csv.contains("\npoint,loss,1,1,"), csv);
        assertTrue(csv.contains("\nepoch,train_loss,"), csv);

        assertEquals(0, runs(store, "export", id, "--format", "json"));
        JsonNode json = new ObjectMapper().readTree(said(out));
        assertEquals("finished", json.get("status").asText());
        assertEquals(2, json.get("epochs").size());
        assertEquals(json.get("steps").asLong(), json.get("series").get("loss").size());
        assertEquals("xor", json.get("settings").get("dataset").asText());
    }

    @Test
    void anUnknownRunOrFormatGetsASentence() {
        StoreSettings store = StoreSettings.sqlite(data);
        assertEquals(1, runs(store, "export", "nosuchrun"));
        assertTrue(said(err).contains("There is no run nosuchrun in the SQLite file"), said(err));
        assertEquals(1, runs(store, "export", "nosuchrun", "--format", "xml"));
        assertTrue(said(err).contains("--format must be csv or json, not \"xml\"."), said(err));
        assertEquals(0, runs(store, "list"));
        assertTrue(said(out).contains("No runs are kept"), said(out));
    }
}
