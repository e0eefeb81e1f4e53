package com.brandcluster.events.registration;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A check-in code as a QR code in a PNG image: black modules on white, with the four-module quiet zone scanners need,
 * and error correction level M, which survives a creased print-out or a scratched phone screen.
 */
final class CheckInQr {

    /** Large enough to scan from a phone held at arm's length, small enough to print several on a page. */
    static final int SIZE = 320;
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4);

    private CheckInQr() {
    }

    static byte[] png(String content) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("A check-in code does not fit in a QR code", e);
        }
        BufferedImage image = new BufferedImage(modules.getWidth(), modules.getHeight(),
                BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                image.setRGB(x, y, modules.get(x, y) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
