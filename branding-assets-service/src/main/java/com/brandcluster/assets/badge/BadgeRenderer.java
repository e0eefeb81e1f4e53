package com.brandcluster.assets.badge;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a member's badge as SVG and as PNG: headline, the enterprise's legal name (Chinese names included), member
 * number, licence id and a QR code leading to the licence check. The PNG is drawn with Noto Sans CJK SC (Debian's
 * {@code fonts-noto-cjk}, installed in the image) so that Chinese names render as glyphs, not as boxes; without it
 * the badge still renders with a logical font, and a warning says that CJK names may not.
 */
@Component
class BadgeRenderer {

    static final int WIDTH = 960;
    static final int HEIGHT = 320;
    static final String CJK_FONT = "Noto Sans CJK SC";
    private static final int QR_SIZE = 240;
    private static final int QR_X = WIDTH - QR_SIZE - 40;
    private static final int QR_Y = 40;
    private static final int TEXT_X = 40;
    /** Text ends well before the QR code, whose quiet zone it must not enter. */
    private static final int TEXT_WIDTH = QR_X - TEXT_X - 40;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);
    private static final String SVG_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', "
            + "sans-serif";
    private static final Color INK = new Color(0x1A, 0x2B, 0x4C);
    private static final Logger log = LoggerFactory.getLogger(BadgeRenderer.class);

    private final String fontFamily;

    BadgeRenderer() {
        boolean cjk = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains(CJK_FONT);
        if (!cjk) {
            log.warn("Font '{}' is not installed (Debian package fonts-noto-cjk): PNG badges fall back to {} and "
                    + "may show Chinese names as boxes", CJK_FONT, Font.SANS_SERIF);
        }
        fontFamily = cjk ? CJK_FONT : Font.SANS_SERIF;
    }

    /** The font PNG badges are drawn with, at this size. */
    Font font(int style, int size) {
        return new Font(fontFamily, style, size);
    }

    byte[] svg(Badge badge) {
        StringBuilder svg = new StringBuilder(16 * 1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\">\n")
                .append("<title>").append(escape(badge.headline() + ": " + badge.enterpriseName()))
                .append("</title>\n")
                .append("<rect x=\"4\" y=\"4\" width=\"").append(WIDTH - 8).append("\" height=\"").append(HEIGHT - 8)
                .append("\" rx=\"24\" fill=\"#ffffff\" stroke=\"#1a2b4c\" stroke-width=\"8\"/>\n")
                .append("<g font-family=\"").append(SVG_FONTS).append("\" fill=\"#1a2b4c\">\n");
        for (Line line : lines(badge)) {
            svg.append("<text x=\"").append(TEXT_X).append("\" y=\"").append(line.y()).append("\" font-size=\"")
                    .append(line.size()).append("\" font-weight=\"")
                    .append(line.style() == Font.BOLD ? "bold" : "normal").append("\">").append(escape(line.text())).append("</text>\n");
        }
        svg.append("</g>\n<path fill=\"#1a2b4c\" d=\"");
        BitMatrix qr = qr(badge.checkUrl());
        double module = (double) QR_SIZE / qr.getWidth();
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) {
                if (qr.get(x, y)) {
                    int run = 1;
                    while (x + run < qr.getWidth() && qr.get(x + run, y)) {
                        run++;
                    }
                    svg.append('M').append(num(QR_X + x * module)).append(' ').append(num(QR_Y + y * module))
                            .append('h').append(num(run * module)).append('v').append(num(module))
                            .append('h').append(num(-run * module)).append('z');
                    x += run - 1;
                }
            }
        }
        return svg.append("\"/>\n</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] png(Badge badge) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(INK);
            g.setStroke(new BasicStroke(8));
            g.drawRoundRect(4, 4, WIDTH - 8, HEIGHT - 8, 48, 48);
            for (Line line : lines(badge)) {
                g.setFont(font(line.style(), line.size()));
                g.drawString(line.text(), TEXT_X, line.y());
            }
            BitMatrix qr = qr(badge.checkUrl());
            int module = QR_SIZE / qr.getWidth();
            int offset = (QR_SIZE - module * qr.getWidth()) / 2;
            for (int y = 0; y < qr.getHeight(); y++) {
                for (int x = 0; x < qr.getWidth(); x++) {
                    if (qr.get(x, y)) {
                        g.fillRect(QR_X + offset + x * module, QR_Y + offset + y * module, module, module);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException impossible) {
            throw new UncheckedIOException("Writing to memory failed", impossible);
        }
        return out.toByteArray();
    }

    /** The QR code's modules, with a quiet zone of one module (the badge's white margin does the rest). */
    static BitMatrix qr(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("The licence check URL does not fit a QR code: " + content, tooLong);
        }
    }

    /** A line of the badge's text, at the size that fits it beside the QR code. */
    private record Line(String text, int y, int style, int size) {
    }

    private List<Line> lines(Badge badge) {
        return List.of(fitted(badge.headline(), 70, Font.BOLD, 30),
                fitted(badge.headlineInChinese(), 110, Font.PLAIN, 26),
                fitted(badge.enterpriseName(), 180, Font.BOLD, 40),
                fitted(badge.memberLine(), 230, Font.PLAIN, 28),
                fitted(badge.licenceLine(), 270, Font.PLAIN, 18));
    }

    /** The line at its preferred size, or smaller (down to 10 px) so that a long legal name still fits. */
    private Line fitted(String text, int y, int style, int preferredSize) {
        int size = preferredSize;
        while (size > 10 && font(style, size).getStringBounds(text, MEASURE).getWidth() > TEXT_WIDTH) {
            size--;
        }
        return new Line(text, y, style, size);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f",
                value);
    }

    /** Text as XML character data: markup escaped, characters XML 1.0 does not allow dropped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
