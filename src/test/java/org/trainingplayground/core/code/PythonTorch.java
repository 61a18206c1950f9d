package org.trainingplayground.core.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's Python with PyTorch, which tests compare our numbers and names with. */
public final class PythonTorch {

    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final long TIMEOUT_SECONDS = 120;

    private PythonTorch() {}

    /**
     * Skips where Python's PyTorch is missing on a developer's machine; under CI the test
     * command installs it, so its absence there is a failure.
     */
    public static void assumeAvailable() throws Exception {
        boolean available = false;
        if (Files.isExecutable(PYTHON)) {
            Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, torchvision")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            available = check.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && check.exitValue() == 0;
        }
        if (!available && System.getenv("CI") != null) {
            fail("/usr/bin/python3 cannot import torch and torchvision; .ci/test installs"
                    + " python3-torch and python3-torchvision.");
        }
        Assumptions.assumeTrue(
                available,
                "Skipped: /usr/bin/python3 cannot import torch and"
                        + " torchvision (apt-get install python3-torch python3-torchvision).");
    }

    /**
     * Runs {@code script}, written to {@code folder} as {@code fileName}, on one thread (the
     * machine's cores are shared with the other tests) and returns what it printed.
     *
     * @throws AssertionError with the output if it fails or does not finish in time
     */
    public static String run(Path folder, String fileName, String script)
            throws IOException, InterruptedException {
        Path file = folder.resolve(fileName);
        Files.writeString(file, script);
        Path output = folder.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), file.toString())
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process python = builder.start();
        boolean finished = python.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            python.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertTrue(finished, "Python did not finish within " + TIMEOUT_SECONDS + " s:\n" + printed);
        assertEquals(0, python.exitValue(), "Python failed:\n" + printed);
        return printed;
    }
}
