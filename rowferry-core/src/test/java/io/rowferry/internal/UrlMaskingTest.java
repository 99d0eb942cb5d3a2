package io.rowferry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://u:s3cret@h:5432/db|jdbc:postgresql://u:***@h:5432/db|s3cret",
        "jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true|jdbc:postgresql://h/db?user=u&password=***&ssl=true|s3cret",
        "jdbc:mariadb://h/db?password=s3cret|jdbc:mariadb://h/db?password=***|s3cret",
        "jdbc:sqlserver://h:1433;user=u;password={se;cret};db=x|jdbc:sqlserver://h:1433;user=u;password=***;db=x|se;cret",
        "jdbc:oracle:thin:scott/tiger@//h:1521/svc|jdbc:oracle:thin:scott/***@//h:1521/svc|tiger",
        "jdbc:mysql://h/db?PWD=s3cret|jdbc:mysql://h/db?PWD=***|s3cret",
        "jdbc:h2:file:/tmp/x;PASSWORD=s3cret|jdbc:h2:file:/tmp/x;PASSWORD=***|s3cret",
    })
    void masksEveryPasswordForm(String url, String masked, String secret) {
        assertThat(UrlMasking.mask(url)).isEqualTo(masked).doesNotContain(secret);
        assertThat(UrlMasking.secretsIn(url)).anyMatch(found -> found.equals(secret) || found.contains(secret));
        assertThat(UrlMasking.maskText("driver said: bad port " + secret + "@h", UrlMasking.secretsIn(url)))
                .doesNotContain(secret);
    }

    @ParameterizedTest
    @CsvSource({"jdbc:postgresql://h:5432/db", "jdbc:sqlite:/tmp/a.db", "jdbc:duckdb:"})
    void leavesUrlsWithoutCredentialsAlone(String url) {
        assertThat(UrlMasking.mask(url)).isEqualTo(url);
        assertThat(UrlMasking.secretsIn(url)).isEmpty();
    }
}
