package org.trainingplayground.session.classroom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.core.store.ClassStore.Joined;
import org.trainingplayground.session.ClassTie;
import org.trainingplayground.session.PlaygroundSession;

/**
 * The server's classes: created and joined here, kept in the store, and tied to the
 * playgrounds their students have open in this server, so that the teacher sees those runs
 * live and can steer them. Thread-safe.
 */
public final class LiveClasses {

    /** Letters of any script, digits, spaces and a few marks: a name, never markup. */
    private static final Pattern NICKNAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} ._'-]+");

    /** Join attempts one address may make a minute: a class of 40 behind one school address. */
    static final int JOINS_PER_MINUTE = 60;

    /** Wrong codes one address may try in ten minutes: typos pass, guessing does not. */
    static final int WRONG_CODES_PER_TEN_MINUTES = 20;

    private final ClassStore store;
    private final String teacherPassword;
    private final Clock clock;
    private final PlaygroundConfig firstRun;
    private final Limits limits;
    private final Map<String, LiveClass> classes = new ConcurrentHashMap<>();
    private final Map<String, Set<PlaygroundSession>> playgrounds = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    /** Each learner's class as last read from the store, for the training thread. */
    private final Map<String, String> learnerClasses = new ConcurrentHashMap<>();

    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "class-results-writer");
        thread.setDaemon(true);
        return thread;
    });
    // Per client address; one unseen for a while has full buckets again, so it is forgotten.
    private final Cache<String, Bucket> joins = addresses();
    private final Cache<String, Bucket> wrongCodes = addresses();

    /**
     * @param teacherPassword what creating a class asks for; null lets anyone create one
     * @param firstRun the settings a new playground opens with, which a class's settings change
     * @param limits what the operator allows one run
     */
    public LiveClasses(
            ClassStore store,
            String teacherPassword,
            Clock clock,
            PlaygroundConfig firstRun,
            Limits limits) {
        this.store = store;
        this.teacherPassword = teacherPassword;
        this.clock = clock;
        this.firstRun = firstRun;
        this.limits = limits;
    }

    /**
     * Reads a settings link as the class's settings, from a new playground's settings.
     *
     * @return the settings, and a notice for each value left out
     */
    public ConfigProperties.Reading readLink(String link) {
        int query = link.indexOf('?');
        return ConfigProperties.read(
                ConfigProperties.parseQuery(query < 0 ? link : link.substring(query + 1)),
                firstRun,
                limits);
    }

    /** A class's stored settings, read as when they were sent; null for none. */
    PlaygroundConfig readSettings(String json) {
        return json == null ? null : ConfigJson.fromJson(json, firstRun, limits).config();
    }

    public boolean passwordRequired() {
        return teacherPassword != null;
    }

    /**
     * Creates a class.
     *
     * @param password the operator's teacher password, ignored when none is set
     * @throws IllegalArgumentException with a sentence for a wrong password or a bad name
     */
    public ClassStore.NewClass create(String name, String password) {
        if (teacherPassword != null
                && (password == null
                        || !MessageDigest.isEqual(
                                password.getBytes(StandardCharsets.UTF_8),
                                teacherPassword.getBytes(StandardCharsets.UTF_8)))) {
            throw new IllegalArgumentException(
                    "That is not the teacher password this server asks for.");
        }
        return store.create(name, clock.millis());
    }

    /** The class with this code (as a student may type it), if there is one. */
    public Optional<LiveClass> find(String code) {
        String normal = ClassStore.normalizeCode(code);
        LiveClass live = classes.get(normal);
        if (live != null) {
            return Optional.of(live);
        }
        return store.find(normal)
                .map(found -> classes.computeIfAbsent(
                        found.code(), c -> new LiveClass(this, store, found, clock)));
    }

    /** Whether {@code key} is the teacher key of class {@code code}. */
    public boolean isTeacher(String code, String key) {
        return store.teacherKeyMatches(code, key);
    }

    /** The class {@code learner} is in (ended or not), if any. */
    public Optional<LiveClass> classOf(String learner) {
        Optional<LiveClass> found =
                store.membershipOf(learner).flatMap(m -> find(m.classroom().code()));
        found.ifPresentOrElse(
                live -> learnerClasses.put(learner, live.code()),
                () -> learnerClasses.remove(learner));
        return found;
    }

    /** The code of the class whose runs {@code learner}'s new runs count for; null if none. */
    public String trainingClassCode(String learner) {
        return classOf(learner).filter(c -> !c.ended()).map(LiveClass::code).orElse(null);
    }

    /** What {@code learner}'s runs tell their class (the class they are in at the time). */
    public ClassTie tieFor(String learner) {
        return new ClassTie() {
            @Override
            public String classCode() {
                return trainingClassCode(learner);
            }

            @Override
            public void scored(HiddenScore score) {
                // The membership is read from memory: this runs on the training thread.
                String code = learnerClasses.get(learner);
                LiveClass live = code == null ? null : classes.get(code);
                if (live != null) {
                    live.scores().scored(learner, score);
                }
            }
        };
    }

    /** Runs a store write off the calling thread (the training thread must never wait). */
    void inBackground(Runnable write) {
        writer.execute(write);
    }

    /**
     * Puts {@code learner} in the class under {@code nickname}.
     *
     * @param address the client's address, whose attempts are limited
     * @return null when they are in the class, else a sentence saying why not
     */
    public String join(String code, String learner, String nickname, String address) {
        Bucket wrong = wrongCodes.get(address, a -> bucket(WRONG_CODES_PER_TEN_MINUTES, 10));
        if (wrong.getAvailableTokens() == 0
                || !joins.get(address, a -> bucket(JOINS_PER_MINUTE, 1)).tryConsume(1)) {
            return "Too many tries to join from your network; wait a few minutes and try again.";
        }
        String name = nickname == null ? "" : nickname.strip();
        if (name.isEmpty() || name.length() > ClassStore.MAX_NICKNAME_LENGTH) {
            return "A nickname needs 1 to " + ClassStore.MAX_NICKNAME_LENGTH + " characters.";
        }
        if (!NICKNAME.matcher(name).matches()) {
            return "A nickname may have letters, digits, spaces and . _ ' - only.";
        }
        Joined joined = store.join(code, learner, name, clock.millis());
        switch (joined) {
            case NO_SUCH_CLASS:
                wrong.tryConsume(1);
                return "There is no class with the code " + shortened(code)
                        + "; check it with your teacher.";
            case CLASS_ENDED:
                return "That class has ended.";
            case REMOVED:
                return "Your teacher removed you from that class.";
            case NICKNAME_TAKEN:
                return "Someone in the class already has the nickname " + name
                        + "; choose another one.";
            default:
                find(code).ifPresent(live -> {
                    live.membersChanged();
                    playgroundsOf(learner).forEach(live.handout()::welcome);
                });
                return null;
        }
    }

    private static String shortened(String code) {
        String normal = ClassStore.normalizeCode(code);
        return normal.length() > 12 ? normal.substring(0, 12) + "…" : normal;
    }

    private static Cache<String, Bucket> addresses() {
        return Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(15))
                .maximumSize(100_000)
                .build();
    }

    private static Bucket bucket(int tokens, int minutes) {
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(tokens).refillGreedy(tokens, Duration.ofMinutes(minutes)))
                .build();
    }

    /** A playground of {@code learner}'s browser opened: their class sees its run. */
    public void opened(String learner, PlaygroundSession playground) {
        playgrounds.computeIfAbsent(learner, l -> new CopyOnWriteArraySet<>()).add(playground);
        classOf(learner)
                .filter(live -> !live.ended())
                .ifPresent(live -> live.handout().welcome(playground));
    }

    /** The playground closed (its tab or session ended). */
    public void closed(String learner, PlaygroundSession playground) {
        playgrounds.computeIfPresent(learner, (l, open) -> {
            open.remove(playground);
            return open.isEmpty() ? null : open;
        });
        lastSeen.put(learner, clock.millis());
    }

    /** The learner's open playgrounds, the newest last. */
    List<PlaygroundSession> playgroundsOf(String learner) {
        Set<PlaygroundSession> open = playgrounds.get(learner);
        return open == null ? List.of() : List.copyOf(open);
    }

    /** When a page of {@code learner}'s last closed in this server; 0 if none did. */
    long lastSeen(String learner) {
        return lastSeen.getOrDefault(learner, 0L);
    }
}
