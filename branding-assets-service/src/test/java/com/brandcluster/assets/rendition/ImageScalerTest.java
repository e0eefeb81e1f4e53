package com.brandcluster.assets.rendition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ImageScalerTest {

    @ParameterizedTest
    @CsvSource({"2000, 1000, 512, 512, 256", "1000, 2000, 512, 256, 512", "300, 300, 1024, 1024, 1024",
            "100, 30, 256, 256, 77", "5000, 2, 256, 256, 1"})
    void givesTheLongerSideTheRenditionSizeAndKeepsTheAspectRatio(int width, int height, int size,
                                                                  int expectedWidth, int expectedHeight) {
        assertThat(ImageScaler.target(width, height, size)).isEqualTo(new Dimension(expectedWidth, expectedHeight));
    }

    @Test
    void scalesDownAWideImageInSteps() {
        BufferedImage scaled = ImageScaler.scale(opaque(2400, 1200, Color.RED), 256);

        assertThat(scaled.getWidth()).isEqualTo(256);
        assertThat(scaled.getHeight()).isEqualTo(128);
        assertThat(new Color(scaled.getRGB(128, 64), true)).isEqualTo(Color.RED);
    }

    @Test
    void scalesUpATallImage() {
        BufferedImage scaled = ImageScaler.scale(opaque(100, 200, Color.BLUE), 1024);

        assertThat(scaled.getWidth()).isEqualTo(512);
        assertThat(scaled.getHeight()).isEqualTo(1024);
        assertThat(new Color(scaled.getRGB(256, 512), true)).isEqualTo(Color.BLUE);
    }

    @Test
    void keepsTransparency() {
        // a transparent canvas with an opaque red square in its left half
        BufferedImage source = new BufferedImage(1000, 500, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = source.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 500, 500);
        g.dispose();

        BufferedImage scaled = ImageScaler.scale(source, 512);

        assertThat(scaled.getColorModel().hasAlpha()).isTrue();
        assertThat(new Color(scaled.getRGB(128, 128), true)).isEqualTo(Color.RED);
        assertThat(new Color(scaled.getRGB(384, 128), true).getAlpha()).isZero();
    }

    @Test
    void anOpaqueSourceStaysOpaque() {
        BufferedImage source = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = source.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.dispose();

        BufferedImage scaled = ImageScaler.scale(source, 256);

        assertThat(scaled.getWidth()).isEqualTo(256);
        assertThat(scaled.getHeight()).isEqualTo(192);
        assertThat(new Color(scaled.getRGB(0, 0), true)).isEqualTo(Color.WHITE);
        assertThat(new Color(scaled.getRGB(255, 191), true)).isEqualTo(Color.WHITE);
    }

    private static BufferedImage opaque(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
