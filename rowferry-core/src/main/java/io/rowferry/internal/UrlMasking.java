package io.rowferry.internal;

import java.util.regex.Pattern;

/**
 * Removes credentials from JDBC URLs and messages before they are shown anywhere: {@code user:secret@host}
 * forms, {@code password=...} parameters (with {@code &}, {@code ;} or {@code ?} separators) and Oracle's
 * {@code user/secret@host}.
 */
public final class UrlMasking {
    private static final String MASK = "***";
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*:)[^/@?;]*(@)");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(?i)((?:password|pwd|passwd|secret|sslpassword|accesstoken|token)\\s*=\\s*)(\\{[^}]*\\}|\"[^\"]*\"|[^&;?\\s)]*)");
    private static final Pattern ORACLE_THIN = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:]*/)[^@]*(@)");

    private UrlMasking() {}

    /** The URL with every password replaced by {@code ***}; null stays null. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceAll("$1" + MASK + "$2");
        masked = ORACLE_THIN.matcher(masked).replaceAll("$1" + MASK + "$2");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    /** Masks credentials in free text (driver messages sometimes echo the URL), and removes a known secret. */
    public static String maskText(String text, String secret) {
        if (text == null) {
            return null;
        }
        String masked = mask(text);
        if (secret != null && !secret.isEmpty()) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
