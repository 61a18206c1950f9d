package org.trainingplayground.core.code;

import java.math.BigDecimal;
import java.util.Locale;

/** Python source as the generated scripts write it: numbers, string literals, lines. */
final class Python {

    private Python() {}

    /**
     * A number as a student would type it: {@code 0.003}, {@code 0.9}, {@code 0}, {@code 1e-8}
     * for very small ones, never the binary fraction's long tail.
     */
    static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        if (decimal.signum() == 0) {
            return "0";
        }
        if (Math.abs(value) >= 1e-4) {
            return decimal.toPlainString();
        }
        // Eight zeros after the point are hard to count: 1e-8 reads better.
        BigDecimal mantissa = decimal.movePointRight(decimal.scale() - decimal.precision() + 1);
        int exponent = decimal.precision() - decimal.scale() - 1;
        return mantissa.toPlainString() + "e" + exponent;
    }

    /** A Python string literal holding {@code text}. */
    static String pythonString(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '"' -> literal.append("\\\"");
                case '\n' -> literal.append("\\n");
                default -> literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    static void line(StringBuilder py, String format, Object... arguments) {
        py.append(String.format(Locale.ROOT, format, arguments)).append('\n');
    }
}
