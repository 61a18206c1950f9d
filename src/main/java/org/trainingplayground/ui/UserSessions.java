package org.trainingplayground.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.AppConfig;
import org.trainingplayground.Services;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.session.BrowserBudget;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.Race;
import org.trainingplayground.session.RunKeeper;
import org.trainingplayground.session.classroom.LiveClasses;

/**
 * Keeps one {@link PlaygroundSession} per browser session (Vaadin session), so reloads and
 * other tabs of the same browser share a run, and ends that run when the session expires.
 * Embedded frames get one each instead ({@link #forFrame}).
 *
 * <p>It also applies the operator's hosting settings: browser sessions end after
 * {@code sessionTimeoutMinutes} without a request, at most {@code maxSessions} of them hold a
 * playground (further visitors see {@link ServerFullView}), and each playground has an
 * {@link IdleWatch} that pauses its run when none of its pages is seen.
 */
public final class UserSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private static final String FRAMES = UserSessions.class.getName() + ".frames";
    /** Set on a browser session once it counts towards {@code maxSessions}. */
    private static final String COUNTED = UserSessions.class.getName() + ".counted";

    /** Browser sessions that hold (or were just let in to hold) a playground. */
    private static final AtomicInteger sessionsWithPlayground = new AtomicInteger();

    private static volatile AppConfig.Hosting configuredHosting;
    private static volatile Integer maxSessionsOverride;
    private static volatile Integer maxFramesOverride;
    private static volatile Duration idlePauseOverride;

    /** The current browser session's playground, created on first use (UI thread only). */
    public static PlaygroundSession current() {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        PlaygroundSession session = vaadinSession.getAttribute(PlaygroundSession.class);
        if (session == null) {
            // Counted once a page of it shows a live client (clientReportedIn), not here: a
            // script that never runs the page holds no place.
            session = newPlayground(vaadinSession);
            vaadinSession.setAttribute(PlaygroundSession.class, session);
            vaadinSession.setAttribute(IdleWatch.class, newIdleWatch(session));
        }
        return session;
    }

    /** The current browser session's playground if it has one; none is created (UI thread). */
    public static Optional<PlaygroundSession> existing() {
        return Optional.ofNullable(
                VaadinSession.getCurrent().getAttribute(PlaygroundSession.class));
    }

    /**
     * A playground of its own for one embedded frame: two iframes of one course page share the
     * browser session (and its cookie), yet each shows its own exercise. The frame's view ends
     * it with {@link #endFrame}; the browser session's end closes what is left.
     */
    public static PlaygroundSession forFrame(UI ui) {
        PlaygroundSession session = newPlayground(ui.getSession());
        frames(ui.getSession()).put(session, newIdleWatch(session));
        return session;
    }

    /**
     * A page of this browser session has a live client (its script reported in): from now on
     * the session counts towards {@code maxSessions}.
     */
    static void clientReportedIn(VaadinSession vaadinSession) {
        countIn(vaadinSession);
    }

    /**
     * A page whose client never reported in was closed: if no page of its browser session
     * ever did, its playground (built for a client that never came) is freed now rather than
     * at the session's timeout.
     */
    static void pageNeverConnected(VaadinSession vaadinSession) {
        if (vaadinSession.getAttribute(COUNTED) != null) {
            return;
        }
        PlaygroundSession session = vaadinSession.getAttribute(PlaygroundSession.class);
        boolean otherPages = vaadinSession.getUIs().stream().anyMatch(ui -> !ui.isClosing());
        if (session != null && !otherPages) {
            vaadinSession.setAttribute(PlaygroundSession.class, null);
            IdleWatch watch = vaadinSession.getAttribute(IdleWatch.class);
            if (watch != null) {
                watch.stop();
                vaadinSession.setAttribute(IdleWatch.class, null);
            }
            close(vaadinSession, session);
            log.info("A page whose client never connected was closed; its run was freed");
        }
    }

    /** The frame is gone: its run ends and its native memory is freed. */
    public static void endFrame(UI ui, PlaygroundSession session) {
        IdleWatch watch = frames(ui.getSession()).remove(session);
        if (watch != null) {
            watch.stop();
        }
        close(ui.getSession(), session);
    }

    /** The watch that pauses this playground's run when none of its pages is seen. */
    static IdleWatch idleWatch(VaadinSession vaadinSession, PlaygroundSession session) {
        IdleWatch frameWatch = frames(vaadinSession).get(session);
        return frameWatch != null ? frameWatch : vaadinSession.getAttribute(IdleWatch.class);
    }

    /** How many browser sessions hold a playground now. */
    public static int sessionsWithPlayground() {
        return sessionsWithPlayground.get();
    }

    /** The most browser sessions that may hold a playground at once. */
    public static int maxSessions() {
        Integer override = maxSessionsOverride;
        return override != null ? override : hosting().maxSessions();
    }

    private static Duration idlePause() {
        Duration override = idlePauseOverride;
        return override != null ? override : Duration.ofSeconds(hosting().idlePauseSeconds());
    }

    /** For tests: a small limit, instead of the configured one. */
    static void overrideMaxSessions(int maxSessions) {
        maxSessionsOverride = maxSessions;
    }

    /** The most embedded frames one browser session may have open at once. */
    static int maxFrames() {
        Integer override = maxFramesOverride;
        return override != null ? override : hosting().maxFramesPerSession();
    }

    /** For tests: a small limit, instead of the configured one. */
    static void overrideMaxFrames(int maxFrames) {
        maxFramesOverride = maxFrames;
    }

    /** For tests: a pause after a fraction of a second, for playgrounds created from now on. */
    static void overrideIdlePause(Duration idlePause) {
        idlePauseOverride = idlePause;
    }

    /** For tests: back to the operator's settings. */
    static void useConfiguredHosting() {
        maxSessionsOverride = null;
        maxFramesOverride = null;
        idlePauseOverride = null;
    }

    private static AppConfig.Hosting hosting() {
        AppConfig.Hosting hosting = configuredHosting;
        if (hosting == null) {
            // Bootstrap has loaded (and checked) the same settings before any session starts.
            hosting = AppConfig.load().hosting();
            configuredHosting = hosting;
        }
        return hosting;
    }

    /** A playground sharing the browser session's budget with its other playgrounds. */
    private static PlaygroundSession newPlayground(VaadinSession vaadinSession) {
        PlaygroundSession session = new PlaygroundSession(
                Services.get().engine(),
                Services.get().limits(),
                budget(vaadinSession),
                keeper(vaadinSession));
        // The learner's class (now or once they join) sees this playground's run.
        Services.get().classes().opened(learnerId(vaadinSession), session);
        return session;
    }

    /** Ends the playground's run, frees its native memory and takes it off its class. */
    private static void close(VaadinSession vaadinSession, PlaygroundSession session) {
        // Sessions outlive the services when the server stops: then no class is left to tell.
        Services.ifRunning().ifPresent(s -> s.classes().closed(learnerId(vaadinSession), session));
        session.close();
    }

    /**
     * An optimizer race for the current browser session: its lanes share the session's
     * budget and are kept in its learner's history. The race's page closes it.
     *
     * @throws IllegalArgumentException with a sentence when the lanes break a limit
     */
    public static Race newRace(List<String> names, List<RunSpec> specs) {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        return Race.of(
                Services.get().engine(),
                Services.get().limits(),
                budget(vaadinSession),
                keeper(vaadinSession),
                names,
                specs);
    }

    private static BrowserBudget budget(VaadinSession vaadinSession) {
        BrowserBudget budget = vaadinSession.getAttribute(BrowserBudget.class);
        if (budget == null) {
            budget = new BrowserBudget(
                    hosting().maxTrainingRunsPerSession(), hosting().maxWeightsPerSession());
            vaadinSession.setAttribute(BrowserBudget.class, budget);
        }
        return budget;
    }

    private static RunKeeper keeper(VaadinSession vaadinSession) {
        String learner = learnerId(vaadinSession);
        LiveClasses classes = Services.get().classes();
        return new RunKeeper(Services.get().history(), learner, classes.tieFor(learner));
    }

    /** The learner of the current browser session (UI thread only). */
    public static String learnerId() {
        return BrowserIdentity.learnerId(VaadinSession.getCurrent());
    }

    private static String learnerId(VaadinSession vaadinSession) {
        return BrowserIdentity.learnerId(vaadinSession);
    }

    private static IdleWatch newIdleWatch(PlaygroundSession session) {
        return new IdleWatch(session, idlePause(), Services.get().pushTimer());
    }

    /**
     * Counts the browser session towards {@code maxSessions} unless it already counts (under
     * its session lock, so one session is counted once).
     */
    private static void countIn(VaadinSession vaadinSession) {
        if (vaadinSession.getAttribute(COUNTED) == null) {
            sessionsWithPlayground.incrementAndGet();
            vaadinSession.setAttribute(COUNTED, Boolean.TRUE);
        }
    }

    /**
     * True when a new browser session may not have a playground: the live ones fill every
     * place. A session that already counts, or already has its playground, keeps it.
     */
    private static boolean isFullFor(VaadinSession vaadinSession) {
        return vaadinSession.getAttribute(COUNTED) == null
                && vaadinSession.getAttribute(PlaygroundSession.class) == null
                && sessionsWithPlayground.get() >= maxSessions();
    }

    @SuppressWarnings("unchecked")
    private static Map<PlaygroundSession, IdleWatch> frames(VaadinSession vaadinSession) {
        Map<PlaygroundSession, IdleWatch> frames =
                (Map<PlaygroundSession, IdleWatch>) vaadinSession.getAttribute(FRAMES);
        if (frames == null) {
            frames = new ConcurrentHashMap<>();
            vaadinSession.setAttribute(FRAMES, frames);
        }
        return frames;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // Set per session because the servlet context belongs to Bootstrap. With @Push an open
        // tab's heartbeats are requests, so the timeout counts from the last tab's closing.
        event.getSource().addSessionInitListener(init -> {
            init.getSession()
                    .getSession()
                    .setMaxInactiveInterval(hosting().sessionTimeoutMinutes() * 60);
            init.getSession().setErrorHandler(new ClientProtocolErrors());
            BrowserIdentity.remember(init.getSession(), init.getRequest());
        });
        // Checked before the view exists, so a turned-away visitor costs no native memory.
        event.getSource()
                .addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
                    if (PlaygroundView.class.isAssignableFrom(enter.getNavigationTarget())
                            && isFullFor(init.getUI().getSession())) {
                        enter.rerouteTo(ServerFullView.class);
                    } else if (EmbedView.class.isAssignableFrom(enter.getNavigationTarget())
                            && frames(init.getUI().getSession()).size() >= maxFrames()) {
                        // Each frame has a run of its own: one browser must not hold many.
                        enter.rerouteTo(TooManyFramesView.class);
                    }
                }));
        event.getSource().addSessionDestroyListener(destroyed -> {
            VaadinSession vaadinSession = destroyed.getSession();
            PlaygroundSession session = vaadinSession.getAttribute(PlaygroundSession.class);
            if (session != null) {
                close(vaadinSession, session);
                log.info("Session ended; its run was closed and its native memory freed");
            }
            IdleWatch watch = vaadinSession.getAttribute(IdleWatch.class);
            if (watch != null) {
                watch.stop();
            }
            frames(vaadinSession).forEach((frame, frameWatch) -> {
                frameWatch.stop();
                close(vaadinSession, frame);
            });
            if (vaadinSession.getAttribute(COUNTED) != null) {
                vaadinSession.setAttribute(COUNTED, null);
                sessionsWithPlayground.decrementAndGet();
            }
        });
    }
}
