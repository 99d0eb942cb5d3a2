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
            "(?i)((?:password|pwd|passwd|secret|sslpassword|accesstoken|token)\\s*=\\s*)(\\*\\*\\*|\\{[^}]*\\}|\"[^\"]*\"|[^&;?\\s)]*)");
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

    /** Masks credentials in free text (driver messages sometimes echo the URL), and removes known secrets. */
    public static String maskText(String text, java.util.Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = mask(text);
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** Masks credentials in free text and removes one known secret. */
    public static String maskText(String text, String secret) {
        return maskText(text, secret == null ? java.util.List.of() : java.util.List.of(secret));
    }

    /**
     * The passwords written inside a URL, so that they can be removed from driver messages that quote the URL in
     * some other shape (e.g. "Incorrect port value : secret@host").
     */
    public static java.util.List<String> secretsIn(String url) {
        java.util.List<String> secrets = new java.util.ArrayList<>();
        if (url == null) {
            return secrets;
        }
        for (Pattern pattern : new Pattern[] {USER_INFO, ORACLE_THIN}) {
            java.util.regex.Matcher matcher = pattern.matcher(url);
            while (matcher.find()) {
                secrets.add(url.substring(matcher.end(1), matcher.start(2)));
            }
        }
        java.util.regex.Matcher parameter = PASSWORD_PARAMETER.matcher(url);
        while (parameter.find()) {
            String value = parameter.group(2);
            if (value.length() > 1 && (value.startsWith("{") || value.startsWith("\""))) {
                secrets.add(value.substring(1, value.length() - 1));
            }
            secrets.add(value);
        }
        secrets.removeIf(String::isEmpty);
        return secrets;
    }
}
