package dev.demoforge.driver.netft.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The active calibration a Net F/T publishes in {@code http://<host>/netftapi2.xml}: counts per force and per torque
 * ({@code cfgcpf}, {@code cfgcpt}), the units they are in ({@code scfgfu}, {@code scfgtu}), the RDT output rate
 * ({@code comrdtrate}) and the serial number ({@code setserial}). Read with one HTTP/1.0 GET on the caller's thread
 * (no client threads left behind); the document is flat, so tags are read by name.
 */
record SensorCalibration(double countsPerForce, double countsPerTorque, String forceUnit, String torqueUnit,
        double rdtRateHz, String serial) {

    static final String PATH = "/netftapi2.xml";
    private static final int MAX_BYTES = 1 << 20;

    /**
     * Fetches and parses the document.
     *
     * @throws IOException naming the URL and what was wrong (connection, HTTP status, missing or bad tag, units that
     *                     are not N and N·m)
     */
    static SensorCalibration fetch(String host, int port, int timeoutMs) throws IOException {
        String url = "http://" + host + ":" + port + PATH;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + PATH + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(s.getInputStream(), url);
            int split = response.indexOf("\r\n\r\n");
            String status = response.substring(0, Math.max(0, response.indexOf("\r\n")));
            if (split < 0 || !status.matches("HTTP/1\\.[01] 200.*")) {
                throw new IOException(url + " answered '" + status + "' instead of 200");
            }
            return parse(response.substring(split + 4), url);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(url) ? e
                    : new IOException(url + ": " + e.getMessage(), e);
        }
    }

    static SensorCalibration parse(String xml, String source) throws IOException {
        double cpf = number(xml, "cfgcpf", source);
        double cpt = number(xml, "cfgcpt", source);
        String fu = text(xml, "scfgfu");
        String tu = text(xml, "scfgtu");
        if (!"N".equals(fu) || tu == null || !tu.replace("-", "").replace("·", "").equalsIgnoreCase("Nm")) {
            throw new IOException(source + ": the sensor's active configuration reports forces in '" + fu
                    + "' and torques in '" + tu + "'; set it to N and N-m on its web page");
        }
        String rate = text(xml, "comrdtrate");
        String serial = text(xml, "setserial");
        return new SensorCalibration(cpf, cpt, fu, tu, rate == null ? 0 : parse(rate, "comrdtrate", source),
                serial == null ? "" : serial);
    }

    private static double number(String xml, String tag, String source) throws IOException {
        String v = text(xml, tag);
        if (v == null) {
            throw new IOException(source + ": no <" + tag + "> in the document");
        }
        double d = parse(v, tag, source);
        if (!(d > 0)) {
            throw new IOException(source + ": <" + tag + "> is " + v + ", not a positive number");
        }
        return d;
    }

    private static double parse(String v, String tag, String source) throws IOException {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IOException(source + ": <" + tag + "> is '" + v + "', not a number");
        }
    }

    private static String text(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">\\s*([^<]*?)\\s*</" + tag + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static String readAll(InputStream in, String url) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            b.write(buf, 0, n);
            if (b.size() > MAX_BYTES) {
                throw new IOException(url + " sent more than " + MAX_BYTES + " bytes");
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
