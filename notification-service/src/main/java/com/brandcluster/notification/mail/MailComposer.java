package com.brandcluster.notification.mail;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a queued delivery into a MIME message: {@code multipart/alternative} with a plain-text and an HTML part
 * (and, for a calendar entry, a {@code text/calendar; method=...} part, the whole wrapped in {@code multipart/mixed}
 * with the same document attached as {@code invite.ics}). The frame around the request's subject and body (greeting,
 * button, footer) is in English or Simplified Chinese after the request's locale, from the {@code messages/mail}
 * bundle; everything that comes from the request is HTML-escaped in the HTML part. Plain Java rather than a template
 * engine: one fixed layout does not pay for another dependency.
 */
@Component
class MailComposer {

    static final String ICS_FILENAME = "invite.ics";

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n?|[\n\u2028\u2029]");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n[ \t]*(?:\n[ \t]*)+");

    private final InternetAddress from;
    private final String preferencesUrl;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    MailComposer(MailDeliveryProperties properties) {
        this.from = fromAddress(properties.from());
        this.preferencesUrl = properties.preferencesUrl();
        messages.setBasename("messages/mail");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
    }

    /** English unless the locale's language is Chinese (Simplified Chinese for zh, zh-CN and the like). */
    static Locale layoutLocale(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /**
     * Fills the message from the delivery.
     *
     * @throws AddressException when the recipient's address is not one; no retry can fix that
     */
    void compose(MimeMessage message, MailDelivery delivery) throws MessagingException {
        Locale locale = layoutLocale(Locale.forLanguageTag(delivery.locale()));
        InternetAddress to = recipient(delivery);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(delivery.subject(), StandardCharsets.UTF_8.name());
        message.setHeader("Content-Language", locale.toLanguageTag());
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no vacation replies to no-reply
        Layout layout = layout(delivery, locale);

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart(plainText(layout), "plain"));
        alternative.addBodyPart(textPart(html(layout), "html"));
        CalendarInvite invite = delivery.calendar();
        if (invite == null) {
            message.setContent(alternative);
            return;
        }
        byte[] ics = InviteCalendars.render(invite, delivery.createdAt(), from, to, delivery.recipientName())
                .getBytes(StandardCharsets.UTF_8);
        String method = invite.method().name();
        MimeBodyPart calendarPart = new MimeBodyPart();
        calendarPart.setDataHandler(new DataHandler(
                new ByteArrayDataSource(ics, "text/calendar; method=" + method + "; charset=UTF-8")));
        alternative.addBodyPart(calendarPart);

        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(ics,
                "application/ics; name=" + ICS_FILENAME)));
        attachment.setDisposition(Part.ATTACHMENT);
        attachment.setFileName(ICS_FILENAME);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
    }

    /** What the two parts show, in the layout's language; nothing escaped yet. */
    private record Layout(Locale locale, String brand, String subject, String greeting, List<String> paragraphs,
                          @Nullable String actionUrl, String action, @Nullable String calendarNote,
                          String footerReason, String footerPreferences) {
    }

    private Layout layout(MailDelivery delivery, Locale locale) {
        String name = delivery.recipientName();
        String greeting = name == null || name.isBlank() ? message("mail.greeting.anonymous", locale)
                : message("mail.greeting", locale, name.strip());
        String body = LINE_BREAK.matcher(delivery.body().strip()).replaceAll("\n");
        List<String> paragraphs = Arrays.stream(PARAGRAPH_BREAK.split(body))
                .filter(paragraph -> !paragraph.isBlank()).toList();
        String calendarNote = delivery.calendar() == null ? null
                : message(delivery.calendar().method() == CalendarInvite.Method.CANCEL ? "mail.calendar.cancel"
                        : "mail.calendar.request", locale);
        return new Layout(locale, message("mail.brand", locale), delivery.subject(), greeting, paragraphs,
                webLink(delivery.actionUrl()), message("mail.action", locale), calendarNote,
                message("mail.footer.reason", locale), message("mail.footer.preferences", locale, "{0}"));
    }

    private String plainText(Layout layout) {
        StringBuilder text = new StringBuilder();
        text.append(layout.greeting()).append("\n\n");
        layout.paragraphs().forEach(paragraph -> text.append(paragraph).append("\n\n"));
        if (layout.actionUrl() != null) {
            text.append(layout.action()).append(": ").append(layout.actionUrl()).append("\n\n");
        }
        if (layout.calendarNote() != null) {
            text.append(layout.calendarNote()).append("\n\n");
        }
        text.append("-- \n").append(layout.brand()).append('\n')
                .append(layout.footerReason()).append('\n')
                .append(layout.footerPreferences().replace("{0}", preferencesUrl)).append('\n');
        return text.toString();
    }

    private String html(Layout layout) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(layout.locale().toLanguageTag()).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(layout.subject())).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:0;background:#f4f5f7;\">\n")
                .append("<div style=\"max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1f2933;")
                .append("font-family:-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif;")
                .append("font-size:15px;line-height:1.6;\">\n")
                .append("<p style=\"margin:0 0 16px;font-size:13px;color:#52606d;\">")
                .append(escape(layout.brand())).append("</p>\n")
                .append("<h1 style=\"margin:0 0 16px;font-size:20px;\">").append(escape(layout.subject()))
                .append("</h1>\n")
                .append("<p>").append(escape(layout.greeting())).append("</p>\n");
        for (String paragraph : layout.paragraphs()) {
            html.append("<p>").append(String.join("<br>\n", paragraph.lines()
                    .map(MailComposer::escape).toList())).append("</p>\n");
        }
        if (layout.actionUrl() != null) {
            html.append("<p style=\"margin:24px 0;\"><a href=\"").append(escape(layout.actionUrl()))
                    .append("\" style=\"display:inline-block;padding:10px 18px;background:#1f5fbf;color:#ffffff;")
                    .append("text-decoration:none;border-radius:4px;\">").append(escape(layout.action()))
                    .append("</a></p>\n");
        }
        if (layout.calendarNote() != null) {
            html.append("<p style=\"font-size:13px;color:#52606d;\">").append(escape(layout.calendarNote()))
                    .append("</p>\n");
        }
        String preferencesLink = "<a href=\"" + escape(preferencesUrl) + "\" style=\"color:#52606d;\">"
                + escape(preferencesUrl) + "</a>";
        html.append("<hr style=\"border:none;border-top:1px solid #e4e7eb;margin:24px 0 12px;\">\n")
                .append("<p style=\"font-size:12px;color:#7b8794;\">").append(escape(layout.footerReason()))
                .append("<br>\n").append(escape(layout.footerPreferences()).replace("{0}", preferencesLink))
                .append("</p>\n</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    private static InternetAddress recipient(MailDelivery delivery) throws AddressException {
        InternetAddress to = new InternetAddress(delivery.to(), true);
        String name = delivery.recipientName();
        if (name != null && !name.isBlank()) {
            try {
                to.setPersonal(name.strip(), StandardCharsets.UTF_8.name());
            }
            catch (UnsupportedEncodingException ex) {
                throw new IllegalStateException(ex); // UTF-8 is always there
            }
        }
        return to;
    }

    /** Only absolute http(s) links become a button; anything else (javascript:, relative) is left out. */
    private static @Nullable String webLink(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    ? uri.toString() : null;
        }
        catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static InternetAddress fromAddress(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getPersonal() != null) {
                address.setPersonal(address.getPersonal(), StandardCharsets.UTF_8.name());
            }
            return address;
        }
        catch (AddressException | UnsupportedEncodingException ex) {
            throw new IllegalArgumentException("brandcluster.mail.from is not an e-mail address", ex);
        }
    }
}
