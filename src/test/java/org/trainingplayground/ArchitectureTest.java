package org.trainingplayground;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules and size of src/docs/architecture.md, on the main classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trainingplayground");
    }

    @Test
    void theTrainingCoreKnowsNothingOfVaadin() {
        noClasses()
                .that()
                .resideInAPackage("org.trainingplayground.core..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .check(classes);
    }

    @Test
    void onlyCoreTrainTouchesDjl() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.trainingplayground.core.train..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.djl..")
                .check(classes);
    }

    @Test
    void aRunsSettingsAndTheSchedulerStandOnTheirOwn() {
        noClasses()
                .that()
                .resideInAPackage("org.trainingplayground.core.spec..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.trainingplayground",
                        "org.trainingplayground.core.metrics..",
                        "org.trainingplayground.core.train..",
                        "org.trainingplayground.core.schedule..",
                        "org.trainingplayground.core.data..",
                        "org.trainingplayground.core.config..",
                        "org.trainingplayground.core.code..",
                        "org.trainingplayground.session..",
                        "org.trainingplayground.ui..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.trainingplayground.core.schedule..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.trainingplayground.core.train..", "org.trainingplayground.session..")
                .check(classes);
    }

    @Test
    void thePackagesOfTheCoreImportEachOtherOneWayOnly() {
        slices().matching("org.trainingplayground.core.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void theCoreAndTheSessionsNeverReachUpIntoTheUi() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.trainingplayground.core..", "org.trainingplayground.session..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.trainingplayground.ui..")
                .check(classes);
    }

    @Test
    void theUiDrivesRunsThroughTheSessionsOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.trainingplayground.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.trainingplayground.core.train..",
                        "org.trainingplayground.core.schedule..")
                .check(classes);
    }

    @Test
    void noMainSourceFileIsOver350LinesAndCoreHoldsOnlySubPackages() throws IOException {
        Path main = Path.of("src/main/java/org/trainingplayground");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(main)) {
            tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> lines(file) > 350)
                    .map(file -> main.relativize(file) + " (" + lines(file) + " lines)")
                    .toList();
        }
        assertEquals(List.of(), tooLong, "split these by concern");
        try (Stream<Path> core = Files.list(main.resolve("core"))) {
            assertEquals(
                    List.of(),
                    core.filter(Files::isRegularFile).map(Path::toString).toList(),
                    "core/ holds sub-packages only");
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
