package org.trainingplayground;

import com.github.mvysny.vaadinboot.VaadinBoot;
import java.io.IOException;
import org.eclipse.jetty.ee10.webapp.WebAppContext;

/**
 * The web app on its embedded Jetty, as {@link Main} serves it; {@code bench classroom --serve}
 * starts the same one beside its simulated class.
 */
public final class WebApp {

    private WebApp() {}

    /** A server for the app on {@code config}'s port, not started yet. */
    public static VaadinBoot boot(AppConfig config) {
        // The jar holds the production front-end bundle; only the dev profile (which puts
        // Vaadin's dev server on the class path) runs in development mode.
        if (System.getProperty("vaadin.productionMode") == null && !devServerPresent()) {
            System.setProperty("vaadin.productionMode", "true");
        }
        // A heartbeat every 20 s (Vaadin's default is 300 s): a page whose push connection is
        // down and which misses three is closed (ClientLink), so a student whose Wi-Fi
        // dropped is noticed within a minute.
        if (System.getProperty("vaadin.heartbeatInterval") == null) {
            System.setProperty("vaadin.heartbeatInterval", "20");
        }
        VaadinBoot boot = new VaadinBoot() {
            @Override
            protected void onStarted(WebAppContext context) throws IOException {
                super.onStarted(context);
                ServerErrorPages.install(context.getServer(), config.embedOrigins());
            }
        };
        boot.setPort(config.port());
        boot.openBrowserInDevMode(false);
        return boot;
    }

    private static boolean devServerPresent() {
        try {
            Class.forName("com.vaadin.base.devserver.DevModeHandlerManagerImpl");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
