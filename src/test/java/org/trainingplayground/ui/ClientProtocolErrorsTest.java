package org.trainingplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientProtocolErrorsTest {

    private static StackTraceElement frame(String type) {
        return new StackTraceElement(type, "run", null, -1);
    }

    private static RuntimeException thrownAt(RuntimeException e, String... types) {
        StackTraceElement[] trace = new StackTraceElement[types.length];
        for (int i = 0; i < types.length; i++) {
            trace[i] = frame(types[i]);
        }
        e.setStackTrace(trace);
        return e;
    }

    @Test
    void aMessageVaadinCouldNotReadIsTheClientsEvenWithTheAppsFiltersBelow() {
        RuntimeException e = thrownAt(
                new ClassCastException("not a number"),
                "elemental.json.impl.JreJsonString",
                "com.vaadin.flow.server.communication.rpc.AbstractRpcInvocationHandler",
                "com.vaadin.flow.server.communication.UidlRequestHandler",
                "org.trainingplayground.FramingFilter",
                "org.eclipse.jetty.server.Server");
        assertTrue(ClientProtocolErrors.isClientsMessage(e));
    }

    @Test
    void anErrorInTheAppsOwnCodeIsNotTheClientsEvenWhenAClickLedToIt() {
        RuntimeException e = thrownAt(
                new IllegalStateException("bug"),
                "org.trainingplayground.ui.ControlPanel",
                "com.vaadin.flow.server.communication.rpc.EventRpcHandler",
                "org.eclipse.jetty.server.Server");
        assertFalse(ClientProtocolErrors.isClientsMessage(e));
    }

    @Test
    void anErrorWrappedByVaadinIsStillTheAppsWhenItsCauseIs() {
        RuntimeException cause = thrownAt(
                new IllegalStateException("bug"),
                "org.trainingplayground.ui.ControlPanel",
                "com.vaadin.flow.server.communication.rpc.EventRpcHandler");
        RuntimeException wrapper = thrownAt(
                new RuntimeException(cause),
                "com.vaadin.flow.server.communication.rpc.EventRpcHandler");
        assertFalse(ClientProtocolErrors.isClientsMessage(wrapper));
    }

    @Test
    void anErrorOutsideTheProtocolIsNotTheClients() {
        RuntimeException e = thrownAt(
                new IllegalStateException("timer"),
                "java.util.concurrent.ThreadPoolExecutor",
                "java.lang.Thread");
        assertFalse(ClientProtocolErrors.isClientsMessage(e));
    }

    @Test
    void theLoggedLineIsOneShortLineWhateverTheClientSent() {
        String sent = "line one\nline two\r" + "x".repeat(40_000);
        String line = ClientProtocolErrors.oneLine(new IllegalArgumentException(sent));
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertEquals(201, line.length());
        assertTrue(line.startsWith("IllegalArgumentException: line one line two x"), line);
    }
}
