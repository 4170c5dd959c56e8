package com.example.movies;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for what {@link Api}'s client will not send: a body cut
 * short of its {@code Content-Length}, a chunked body that never ends, malformed request
 * lines. Reads one answer: until it is complete, the server closes the connection, or it
 * stays quiet for the timeout.
 */
public final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("content-length: *(\\d+)");

    private RawHttp() {
    }

    /**
     * @return the raw answer (status line, headers, body), possibly empty
     */
    public static String exchange(int port, String head, byte[] body, int timeoutMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; !complete(answer.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) > 0;) {
                    answer.write(buffer, 0, n);
                }
            }
            catch (SocketTimeoutException ex) {
                // The server keeps the connection open: what came so far is the answer.
            }
            catch (IOException ex) {
                // Reset after the answer (the server refused the rest of the body).
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Whether the answer is all there: its headers, and the body they announce (or its
     * last chunk).
     */
    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = answer.substring(0, end).toLowerCase();
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            return answer.length() - end - 4 >= Integer.parseInt(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") && answer.endsWith("0\r\n\r\n");
    }

    /** The status code of a raw answer. */
    public static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** The body of a raw answer that is not chunked. */
    public static String body(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return (end < 0) ? "" : answer.substring(end + 4);
    }

    /** One chunk of a chunked body. */
    public static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

}
