package io.rowferry.cli;

import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import io.rowferry.internal.UrlMasking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How to reach one side of a run (the source or the target): a JDBC URL, and a user and password given apart
 * from it. Subclasses declare the options under their side's names ({@code --from...}, {@code --to...}).
 *
 * <p>Passwords are never options of their own, since a command line is visible to every user of the machine
 * ({@code ps}). They come from a password file, from {@code ROWFERRY_<SIDE>_PASSWORD}, or from the URL, in that
 * order; whatever is found, and any password inside the URL, is registered with {@link Secrets} before any
 * connection is tried.
 */
abstract class ConnectionOptions {

    /** The JDBC URL as typed. */
    abstract String url();

    /** The user option, or null. */
    abstract String user();

    /** The password file option, or null. */
    abstract Path passwordFile();

    /** {@code FROM} or {@code TO}: the middle part of the environment variable names. */
    abstract String side();

    /** The database these options describe; a URL that is not {@code jdbc:...} is a usage error (exit 2). */
    Database database(Main main) {
        String user = user() != null ? user() : environmentValue(main, "USER");
        String password = passwordFile() != null ? readPassword(passwordFile()) : environmentValue(main, "PASSWORD");
        main.secrets.add(password);
        // Drivers sometimes quote a URL's password in another shape ("Incorrect port value : secret@host"), and
        // stack traces (--verbose) carry drivers' messages unmasked: so the URL's passwords are known secrets too.
        UrlMasking.secretsIn(url()).forEach(main.secrets::add);
        return Database.url(url(), user, password);
    }

    private String environmentValue(Main main, String what) {
        String value = main.environment.get("ROWFERRY_" + side() + "_" + what);
        return value == null || value.isEmpty() ? null : value;
    }

    private String readPassword(Path file) {
        String option = "--" + side().toLowerCase(Locale.ROOT) + "-password-file";
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            // Editors and `echo secret > file` end the file with a line break that is not part of the password.
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
                end--;
            }
            return content.substring(0, end);
        } catch (NoSuchFileException e) {
            throw new RowferryException(ErrorKind.USAGE, "cannot read " + option + " " + file + ": no such file", e);
        } catch (IOException e) {
            throw new RowferryException(ErrorKind.USAGE, "cannot read " + option + " " + file + ": " + e, e);
        }
    }
}
