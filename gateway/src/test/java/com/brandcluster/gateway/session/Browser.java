package com.brandcluster.gateway.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scripted browser: {@link HttpClient} that does not follow redirects by itself, with a cookie jar of its own
 * (every server is {@code localhost}, so cookies are kept by name and path, whatever the port; {@code Secure} is
 * ignored as browsers do for localhost). Every {@code Set-Cookie} it received stays readable for assertions.
 */
final class Browser {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Cookie> jar = new LinkedHashMap<>();
    private final List<String> setCookies = new ArrayList<>();
    private final List<HttpResponse<String>> responses = new ArrayList<>();

    record Cookie(String name, String value, String path) {
    }

    HttpResponse<String> get(String url, String... headers) {
        return send(request(URI.create(url), headers).GET());
    }

    HttpResponse<String> post(String url, String contentType, String body, String... headers) {
        return send(request(URI.create(url), headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
        return post(url, "application/x-www-form-urlencoded", form(form), headers);
    }

    /** GET of the response's {@code Location}, resolved against the response's URI. */
    HttpResponse<String> follow(HttpResponse<String> redirect) {
        return get(location(redirect).toString());
    }

    static URI location(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No Location in a " + redirect.statusCode() + " from "
                        + redirect.uri() + ": " + redirect.body()));
        return redirect.uri().resolve(location);
    }

    /** The Keycloak login page's form action: where the username and password go. */
    static String loginFormAction(HttpResponse<String> loginPage) {
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        if (!form.find()) {
            throw new AssertionError("Not Keycloak's login page: " + loginPage.statusCode() + " " + loginPage.body());
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("The login form has no action: " + form.group());
        }
        return action.group(1).replace("&amp;", "&");
    }

    Optional<String> cookie(String name) {
        return jar.values().stream().filter(cookie -> cookie.name().equals(name)).map(Cookie::value).findFirst();
    }

    /** Puts a cookie into the jar, as if a server had set it (path {@code /}). */
    void setCookie(String name, String value) {
        jar.put(name + "|/", new Cookie(name, value, "/"));
    }

    void clearCookies() {
        jar.clear();
    }

    /** Every {@code Set-Cookie} header received so far for a cookie of this name, oldest first. */
    List<String> setCookieHeaders(String name) {
        return setCookies.stream().filter(header -> header.startsWith(name + "=")).toList();
    }

    /** Every response received so far from a server on this port. */
    List<HttpResponse<String>> responsesFrom(int port) {
        return responses.stream().filter(response -> response.uri().getPort() == port).toList();
    }

    /** Every {@code Set-Cookie} header received so far. */
    List<String> setCookieHeaders() {
        return List.copyOf(setCookies);
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        String cookies = jar.values().stream()
                .filter(cookie -> uri.getPath().startsWith(cookie.path())
                        || (uri.getPath() + "/").equals(cookie.path()))
                .map(cookie -> cookie.name() + "=" + cookie.value())
                .collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            responses.add(response);
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            return response;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void remember(String header) {
        setCookies.add(header);
        String[] parts = header.split(";");
        int equals = parts[0].indexOf('=');
        String name = parts[0].substring(0, equals).trim();
        String value = parts[0].substring(equals + 1).trim();
        String path = "/";
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            String lower = attribute.toLowerCase(Locale.ROOT);
            if (lower.startsWith("path=")) {
                path = attribute.substring(5);
            }
            else if (lower.startsWith("max-age=")) {
                expired = Long.parseLong(attribute.substring(8).trim()) <= 0;
            }
            else if (lower.startsWith("expires=") && lower.contains("1970")) {
                expired = true;
            }
        }
        if (expired) {
            jar.remove(name + "|" + path);
        }
        else {
            jar.put(name + "|" + path, new Cookie(name, value, path));
        }
    }
}
