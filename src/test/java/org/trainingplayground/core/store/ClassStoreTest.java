package org.trainingplayground.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainingplayground.core.store.ClassStore.Joined;

/** Classes and their members, on a real SQLite file and a real PostgreSQL server. */
class ClassStoreTest {

    @TempDir
    Path tempDir;

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aClassGetsACodeWithoutLookAlikesAndIsFoundAfterTheStoreIsReopened(String kind)
            throws Exception {
        StoreSettings settings = TestDatabases.fresh(kind, tempDir);
        String code;
        Set<String> codes = new HashSet<>();
        try (RunStore store = RunStore.open(settings)) {
            ClassStore classes = new ClassStore(store);
            code = classes.create("  Year 11 · neural networks  ", 1_000)
                    .classroom()
                    .code();
            codes.add(code);
            for (int i = 0; i < 50; i++) {
                codes.add(classes.create("class " + i, 1_000).classroom().code());
            }
        }
        assertEquals(51, codes.size(), "every class its own code");
        for (String each : codes) {
            assertTrue(each.matches("[A-Z0-9]{6}"), each);
            assertTrue(each.chars().noneMatch(c -> "O0I1LS5Z2".indexOf(c) >= 0), each);
        }
        try (RunStore store = RunStore.open(settings)) {
            Classroom found = new ClassStore(store).find(code.toLowerCase()).orElseThrow();
            assertEquals("Year 11 · neural networks", found.name());
            assertEquals(1_000, found.createdAt());
            assertFalse(found.ended());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theTeacherKeyIsKeptOnlyAsAHashAndOpensOnlyItsOwnClass(String kind) throws Exception {
        try (RunStore store = RunStore.open(TestDatabases.fresh(kind, tempDir))) {
            ClassStore classes = new ClassStore(store);
            ClassStore.NewClass first = classes.create("first", 1);
            ClassStore.NewClass second = classes.create("second", 1);
            String code = first.classroom().code();

            assertTrue(first.teacherKey().length() >= 22, "at least 128 bits in base64");
            assertTrue(classes.teacherKeyMatches(code, first.teacherKey()));
            assertFalse(classes.teacherKeyMatches(code, second.teacherKey()));
            assertFalse(classes.teacherKeyMatches(code, first.teacherKey() + "x"));
            assertFalse(classes.teacherKeyMatches(code, ""));
            assertFalse(classes.teacherKeyMatches(code, "k".repeat(40_000)));
            assertFalse(classes.teacherKeyMatches("NOSUCH", first.teacherKey()));
            Optional<String> stored = store.jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT key_hash FROM classes WHERE code = :code")
                                    .bind("code", code)
                                    .mapTo(String.class)
                                    .findOne());
            assertNotEquals(first.teacherKey(), stored.orElseThrow());
            assertEquals(ClassStore.hash(first.teacherKey()), stored.orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNicknameIsUniqueInItsClassWhateverItsCaseButFreeInAnother(String kind) throws Exception {
        try (RunStore store = RunStore.open(TestDatabases.fresh(kind, tempDir))) {
            ClassStore classes = new ClassStore(store);
            String code = classes.create("one", 1).classroom().code();
            String other = classes.create("two", 1).classroom().code();

            assertEquals(Joined.JOINED, classes.join(code, "learner-a", "Ada", 2));
            assertEquals(Joined.NICKNAME_TAKEN, classes.join(code, "learner-b", "ada", 3));
            assertEquals(Joined.JOINED, classes.join(code, "learner-b", "Grace", 3));
            assertEquals(Joined.ALREADY_IN, classes.join(code, "learner-a", "Someone", 4));
            assertEquals(Optional.of("Ada"), classes.nickname(code, "learner-a"));
            assertEquals(Joined.JOINED, classes.join(other, "learner-c", "ADA", 5));
            assertEquals(Optional.empty(), classes.nickname(other, "learner-a"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void joiningAClassThatIsUnknownOrEndedSaysSo(String kind) throws Exception {
        try (RunStore store = RunStore.open(TestDatabases.fresh(kind, tempDir))) {
            ClassStore classes = new ClassStore(store);
            String code = classes.create("ending", 1).classroom().code();
            classes.end(code, 10);

            assertEquals(Joined.CLASS_ENDED, classes.join(code, "learner-a", "Ada", 11));
            assertEquals(10L, classes.find(code).orElseThrow().endedAt());
            assertEquals(Joined.NO_SUCH_CLASS, classes.join("XXXXXX", "learner-a", "Ada", 11));
            assertEquals(Joined.NO_SUCH_CLASS, classes.join("X".repeat(40_000), "a", "Ada", 11));
        }
    }

    @Test
    void aCodeIsReadAsTypedAndABadClassNameGetsASentence() throws Exception {
        assertEquals("ABC346", ClassStore.normalizeCode(" abc 346\n"));
        try (RunStore store = RunStore.open(TestDatabases.fresh("sqlite", tempDir))) {
            ClassStore classes = new ClassStore(store);
            for (String bad : new String[] {"", "   ", "x".repeat(81), "x".repeat(40_000), null}) {
                IllegalArgumentException refused =
                        assertThrows(IllegalArgumentException.class, () -> classes.create(bad, 1));
                assertEquals("A class needs a name of 1 to 80 characters.", refused.getMessage());
            }
        }
    }
}
