package org.trainingplayground;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Starts the app-wide services with the web app and stops them with it. */
@WebListener
public class Bootstrap implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        Services.start(AppConfig.load());
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        Services.stop();
    }
}
