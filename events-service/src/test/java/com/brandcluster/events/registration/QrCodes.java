package com.brandcluster.events.registration;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Reads a QR code back out of a PNG image, as a scanner at the door would. */
final class QrCodes {

    private QrCodes() {
    }

    static String decode(byte[] png) throws IOException, NotFoundException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("Not an image ImageIO reads");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        RGBLuminanceSource source = new RGBLuminanceSource(width, height,
                image.getRGB(0, 0, width, height, null, 0, width));
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                        DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
    }
}
