package io.rowferry.cli;

import io.rowferry.internal.UrlMasking;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The passwords this run has been given (from password files or environment variables). Every message the CLI
 * prints passes through {@link #mask(String)}, so neither these nor passwords inside URLs ever reach the output,
 * even when a driver echoes them in its own message.
 */
final class Secrets {
    private final Set<String> known = new CopyOnWriteArraySet<>();

    /** Remembers a password; null and empty values are ignored. */
    void add(String secret) {
        if (secret != null && !secret.isEmpty()) {
            known.add(secret);
        }
    }

    /** The text with URL credentials and every known password replaced by {@code ***}. */
    String mask(String text) {
        return text == null ? null : maskKnown(UrlMasking.mask(text));
    }

    /**
     * The text with every known password replaced by {@code ***}, for messages whose URLs are masked already
     * (a {@link io.rowferry.RowferryException}'s). Masking URLs twice is not harmless: the second pass reads
     * {@code password=***:} as a password and eats the colon after it.
     */
    String maskKnown(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : known) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }
}
