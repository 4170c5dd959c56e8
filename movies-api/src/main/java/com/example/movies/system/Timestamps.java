package com.example.movies.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The API's one timestamp format: UTC, ISO-8601, always six fractional digits and {@code Z}. */
public final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	/** The current time at the precision the databases store (microseconds). */
	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/** The JDBC value of a {@code TIMESTAMP WITH TIME ZONE} column (H2 and PostgreSQL alike). */
	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}

}
