package com.example.movies.e2e.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's nginx serving the frontend build with the frontend's nginx templates, rendered as the official nginx
 * image's entrypoint renders {@code /etc/nginx/templates/*.template} into {@code /etc/nginx/conf.d}: each
 * {@code ${VAR}} whose variable is set is replaced, any other text is left alone. Two things differ from the
 * image, because a test process must not need root or port 8080: the listen port is a free one and the image's
 * document root is replaced by the build directory. nginx runs in the foreground with its pid, logs and temp
 * directories under the given work directory.
 */
final class NginxFrontend implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    /** Where the image serves the build from and which port it listens on; see the frontend's nginx templates. */
    private static final String IMAGE_DOCUMENT_ROOT = "/usr/share/nginx/html";
    private static final int IMAGE_PORT = 8080;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final LocalProcess nginx;

    private NginxFrontend(LocalProcess nginx) {
        this.nginx = nginx;
    }

    static NginxFrontend start(Path frontendDir, Path workDir, int port, URI apiUrl) throws Exception {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("No nginx at " + NGINX + ": install Debian's package (apt-get install -y nginx)");
        }
        Path build = frontendDir.resolve("target/dist");
        if (!Files.isRegularFile(build.resolve("index.html"))) {
            throw new IllegalStateException("No frontend build at " + build
                    + ": build it first with ./mvnw -B -pl frontend package");
        }
        Path templates = frontendDir.resolve("nginx/templates");
        Path confD = workDir.resolve("conf.d");
        Map<String, String> environment = Map.of("API_BASE_URL", apiUrl.toString());
        render(templates, confD, environment, port, build);

        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(workDir.resolve("temp").resolve(temp));
        }
        Files.createDirectories(workDir.resolve("logs"));
        Path mainConfig = workDir.resolve("nginx.conf");
        Files.writeString(mainConfig, """
                # The official image's /etc/nginx/nginx.conf, with every path under this work directory.
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log notice;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/temp/client_body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    sendfile on;
                    keepalive_timeout 65;
                    include %1$s/conf.d/*.conf;
                }
                """.formatted(workDir.toAbsolutePath()));

        LocalProcess nginx = LocalProcess.start("nginx",
                List.of(NGINX.toString(), "-p", workDir.toString(), "-c", mainConfig.toString(),
                        "-e", workDir.resolve("logs/error.log").toString()),
                Map.of(), workDir.resolve("logs/nginx.out"));
        try {
            nginx.awaitOk(URI.create("http://localhost:" + port + "/healthz"), Duration.ofSeconds(15));
        } catch (Exception e) {
            nginx.close();
            throw e;
        }
        return new NginxFrontend(nginx);
    }

    private static void render(Path templates, Path output, Map<String, String> environment, int port, Path build)
            throws IOException {
        if (!Files.isDirectory(templates)) {
            throw new IllegalStateException("No nginx templates at " + templates);
        }
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".template")).toList()) {
                String relative = templates.relativize(template).toString();
                Path target = output.resolve(relative.substring(0, relative.length() - ".template".length()));
                Files.createDirectories(target.getParent());
                String text = substitute(Files.readString(template), environment)
                        .replace(IMAGE_DOCUMENT_ROOT, build.toAbsolutePath().toString())
                        .replaceAll("listen(\\s+)" + IMAGE_PORT + "\\b", "listen$1" + port)
                        .replaceAll("listen(\\s+)\\[::]:" + IMAGE_PORT + "\\b", "listen$1[::]:" + port);
                Files.writeString(target, text);
            }
        }
    }

    /** envsubst restricted to the variables that are set, as the official image's entrypoint calls it. */
    static String substitute(String text, Map<String, String> environment) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    @Override
    public void close() {
        nginx.close();
    }
}
