package com.brandcluster.events.registration;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CheckInQrTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void aCodeBecomesAPngQrImageThatScansBackToTheCode() throws Exception {
        String code = "q3Zx-8vLk_2mN0pR7sT1uA";

        byte[] png = CheckInQr.png(code);

        assertThat(png).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(CheckInQr.SIZE);
        assertThat(image.getHeight()).isEqualTo(CheckInQr.SIZE);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("quiet zone").isEqualTo(0xFFFFFF);
        assertThat(QrCodes.decode(png)).isEqualTo(code);
    }

    @Test
    void differentCodesGiveDifferentImages() throws Exception {
        assertThat(QrCodes.decode(CheckInQr.png("AAAAAAAAAAAAAAAAAAAAAA"))).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(CheckInQr.png("AAAAAAAAAAAAAAAAAAAAAA")).isNotEqualTo(CheckInQr.png("AAAAAAAAAAAAAAAAAAAAAB"));
    }
}
