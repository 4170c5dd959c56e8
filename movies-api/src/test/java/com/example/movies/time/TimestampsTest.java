package com.example.movies.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    /** The pattern the hand-written format replaces. */
    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
        .withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeThePatternOverYearsZeroTo9999() {
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(instant)).isEqualTo(PATTERN.format(instant));
        }
    }

    @Test
    void formatsEdgesLikeThePattern() {
        for (String text : new String[] { "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z", "2026-11-24T14:18:53.892450Z", "2024-02-29T12:00:00.000001Z",
                "9999-12-31T23:59:59.999999Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z" }) {
            Instant instant = Instant.parse(text);
            assertThat(Timestamps.format(instant)).as(text).isEqualTo(PATTERN.format(instant));
        }
        assertThat(Timestamps.format(Instant.parse("2026-11-24T14:18:53.892450Z")))
            .isEqualTo("2026-11-24T14:18:53.892450Z");
    }

}
