package com.brandcluster.assets.badge;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The PNG badge's font draws Chinese names as glyphs (needs Debian's fonts-noto-cjk, which .ci/run installs). */
class BadgeRendererTest {

    private static final String NAME = "佛山市照明电器有限公司";

    private final BadgeRenderer renderer = new BadgeRenderer();

    @Test
    void drawsChineseWithTheCjkFont() {
        Font font = renderer.font(Font.BOLD, 40);

        assertThat(font.getFamily()).isEqualTo(BadgeRenderer.CJK_FONT);
        assertThat(font.canDisplayUpTo(NAME)).isEqualTo(-1);
        GlyphVector glyphs = font.createGlyphVector(new FontRenderContext(null, true, true), NAME);
        assertThat(IntStream.range(0, glyphs.getNumGlyphs()).map(i -> glyphs.getGlyphCode(i)))
                .doesNotContain(font.getMissingGlyphCode());
        assertThat(inkedPixels("佛", font)).isNotEqualTo(inkedPixels("\uFFFF", font)).isPositive();
        assertThat(inkedPixels("佛", font)).isNotEqualTo(inkedPixels("山", font));
    }

    @Test
    void theSvgKeepsAHostileNameAsTextAndIsWellFormed() throws Exception {
        String name = "Opal & Sons <script>alert(1)</script> \"照明\" \u0007";
        byte[] svg = renderer.svg(new Badge("China Lighting Brand Cluster", name, "LIGHT-2026-0042", "abc",
                "https://portal.example/api/assets/licences/abc"));

        Document document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg));
        assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(document.getDocumentElement().getTextContent())
                .contains("Opal & Sons <script>alert(1)</script> \"照明\" ");
    }

    /** How many pixels the text inks: distinct characters ink differently, missing glyphs all the same box. */
    private static long inkedPixels(String text, Font font) {
        BufferedImage image = new BufferedImage(80, 80, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setFont(font);
        g.drawString(text, 10, 60);
        g.dispose();
        Rectangle all = new Rectangle(0, 0, 80, 80);
        return IntStream.range(0, all.width * all.height)
                .filter(i -> (image.getRGB(i % all.width, i / all.width) & 0xFF) > 0).count();
    }

    @Test
    void theQrCodeOfEveryPngBadgeScans() throws Exception {
        for (int i = 0; i < 300; i++) {
            String licenceId = new org.bson.types.ObjectId().toHexString();
            String url = "https://portal.brandcluster.test/licences/" + licenceId;
            byte[] png = renderer.png(new Badge("China Lighting Brand Cluster", "Opal Lighting Co., Ltd.",
                    "LIGHT-2026-0042", licenceId, url));

            assertThat(scanQr(png)).as("licence " + licenceId).isEqualTo(url);
        }
    }

    /**
     * The text of a PNG badge's QR code: its top right corner, decoded with ZXing as the pure, upright barcode it is
     * (ZXing's detector for photographed codes misses about one in a hundred of these pixel-exact ones).
     */
    static String scanQr(byte[] png) throws Exception {
        BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage qr = image.getSubimage(BadgeRenderer.WIDTH - 300, 20, 280, 280);
        int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(qr.getWidth(),
                        qr.getHeight(), pixels))), java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, true))
                .getText();
    }
}
