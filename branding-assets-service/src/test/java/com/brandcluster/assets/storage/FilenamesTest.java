package com.brandcluster.assets.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilenamesTest {

    @Test
    void keepsOnlyTheLastPathSegmentAndTheRealExtension() {
        assertThat(Filenames.safe("C:\\fakepath\\cluster-mark.png", FileType.PNG)).isEqualTo("cluster-mark.png");
        assertThat(Filenames.safe("../../etc/passwd", FileType.PDF)).isEqualTo("passwd.pdf");
        assertThat(Filenames.safe("invoice.pdf.exe", FileType.PNG)).isEqualTo("invoice.pdf.png");
        assertThat(Filenames.safe(".htaccess", FileType.SVG)).isEqualTo("htaccess.svg");
    }

    @Test
    void dropsControlAndQuotingCharactersAndNamesTheNamelessAsset() {
        assertThat(Filenames.safe("logo\r\n\"x\";.svg", FileType.SVG)).isEqualTo("logox.svg");
        assertThat(Filenames.safe(null, FileType.ZIP)).isEqualTo("asset.zip");
        assertThat(Filenames.safe("   ", FileType.TTF)).isEqualTo("asset.ttf");
    }

    @Test
    void boundsTheLength() {
        assertThat(Filenames.safe("品".repeat(300) + ".png", FileType.PNG)).hasSize(120).endsWith("品.png");
    }

    @Test
    void writesAnAsciiNameAsItIsAndAnyOtherWithAnRfc8187Form() {
        assertThat(Filenames.attachment("cluster-mark.svg")).isEqualTo("attachment; filename=\"cluster-mark.svg\"");
        assertThat(Filenames.attachment("品牌标志 v2.png")).isEqualTo("attachment; filename=\"____ v2.png\"; "
                + "filename*=UTF-8''%E5%93%81%E7%89%8C%E6%A0%87%E5%BF%97%20v2.png");
    }
}
