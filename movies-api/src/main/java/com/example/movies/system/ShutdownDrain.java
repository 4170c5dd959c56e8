package com.example.movies.system;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a shutdown (SIGTERM: how ECS stops a task). By then Boot has turned the readiness probe to
 * REFUSING_TRAFFIC; this keeps serving for {@code movies.shutdown.drain-delay} so that whoever routes requests
 * here (Cloud Map and API Gateway, a load balancer) sees the probe or the deregistration and stops sending. Only
 * then does the graceful shutdown of the web server (a later phase) refuse new connections and let in-flight
 * requests finish within {@code spring.lifecycle.timeout-per-shutdown-phase}. Zero (the local default) skips the
 * wait; the deployed task sets it, and its ECS stop timeout covers both.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ShutdownDrain.class);

	private final Duration drainDelay;

	private volatile boolean running;

	ShutdownDrain(@Value("${movies.shutdown.drain-delay}") Duration drainDelay) {
		this.drainDelay = drainDelay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.running && !this.drainDelay.isNegative() && !this.drainDelay.isZero()) {
			logger.info("Shutting down: readiness is DOWN, still serving for " + this.drainDelay
					+ " before refusing new connections");
			try {
				Thread.sleep(this.drainDelay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped before everything else, in particular before the web server's graceful shutdown. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
