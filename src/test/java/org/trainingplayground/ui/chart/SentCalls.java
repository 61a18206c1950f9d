package org.trainingplayground.ui.chart;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The element functions the server has queued for the browser since the last look, as
 * {@code name(arguments)}: what a browserless test can see of the wire.
 */
public final class SentCalls {

    private static final Pattern FUNCTION = Pattern.compile("\\$0\\.(\\w+)\\(");

    private SentCalls() {}

    /** One queued call: the element function and its arguments after the element itself. */
    public record Call(String function, List<Object> arguments) {
        /** The number of characters of the string arguments: what the call costs on the wire. */
        public int textLength() {
            return arguments.stream()
                    .filter(String.class::isInstance)
                    .mapToInt(a -> ((String) a).length())
                    .sum();
        }
    }

    /** Takes the calls queued so far; a second look returns only newer ones. */
    public static List<Call> take() {
        // Flow queues element calls for the response, as it would before answering a browser.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<PendingJavaScriptInvocation> pending =
                UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        return pending.stream().map(SentCalls::call).toList();
    }

    private static Call call(PendingJavaScriptInvocation invocation) {
        Matcher m = FUNCTION.matcher(invocation.getInvocation().getExpression());
        String name = m.find() ? m.group(1) : invocation.getInvocation().getExpression();
        List<Object> parameters = invocation.getInvocation().getParameters();
        return new Call(name, List.copyOf(parameters.subList(1, parameters.size())));
    }
}
