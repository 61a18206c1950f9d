package org.trainingplayground.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory as the kernel counts it. The JVM's own meters miss libtorch's
 * native allocations, which are most of what a class of runs uses.
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** Resident set size in bytes, or NaN where there is no /proc (not Linux). */
    static double residentBytes() {
        try {
            return residentBytes(Files.readString(STATUS));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The {@code VmRSS:  123456 kB} line of a /proc status text, in bytes; NaN without it. */
    static double residentBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                // The kernel always writes kB here (meaning KiB).
                return Long.parseLong(parts[0]) * 1024.0;
            }
        }
        return Double.NaN;
    }
}
