package org.trainingplayground.core.store;

/** The run history's database could not do what was asked; the message is a sentence. */
public final class StoreException extends RuntimeException {

    public StoreException(String sentence) {
        super(sentence);
    }

    /** The innermost cause's message, which names what the driver found (refused, no file…). */
    static String reason(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String message = inner.getMessage();
        return message == null || message.isBlank() ? inner.getClass().getSimpleName() : message;
    }
}
