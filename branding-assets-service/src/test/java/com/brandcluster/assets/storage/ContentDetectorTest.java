package com.brandcluster.assets.storage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDetectorTest {

    @Test
    void recognisesEveryAcceptedTypeByItsMagicNumber() {
        assertThat(ContentDetector.detect(TestFiles.png(100))).contains(FileType.PNG);
        assertThat(ContentDetector.detect(TestFiles.jpeg())).contains(FileType.JPEG);
        assertThat(ContentDetector.detect(TestFiles.pdf())).contains(FileType.PDF);
        assertThat(ContentDetector.detect(TestFiles.template())).contains(FileType.ZIP);
        assertThat(ContentDetector.detect(TestFiles.ttf())).contains(FileType.TTF);
        assertThat(ContentDetector.detect(TestFiles.woff2())).contains(FileType.WOFF2);
        assertThat(ContentDetector.detect(bytes("wOFF\0\1\0\0"))).contains(FileType.WOFF);
        assertThat(ContentDetector.detect(bytes("OTTO\0\12\0\200"))).contains(FileType.OTF);
    }

    @Test
    void recognisesSvgByItsRootElementAfterAnyProlog() {
        assertThat(ContentDetector.detect(TestFiles.svg())).contains(FileType.SVG);
        assertThat(ContentDetector.detect(bytes("\uFEFF  <svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .contains(FileType.SVG);
        assertThat(ContentDetector.detect(bytes("<?xml version=\"1.0\"?><!-- a -->\n<!-- b --><svg>")))
                .as("the rest of a large file is beyond the head").contains(FileType.SVG);
    }

    @Test
    void doesNotTakeHtmlOrOtherXmlOrTextForAnAcceptedType() {
        assertThat(ContentDetector.detect(TestFiles.html())).isEmpty();
        assertThat(ContentDetector.detect(bytes("<html><body><svg></svg></body></html>"))).isEmpty();
        assertThat(ContentDetector.detect(bytes("<?xml version=\"1.0\"?><note>svg</note>"))).isEmpty();
        assertThat(ContentDetector.detect(bytes("GIF89a\1\0\1\0"))).isEmpty();
        assertThat(ContentDetector.detect(bytes("MZ\220\0 executable"))).isEmpty();
        assertThat(ContentDetector.detect(bytes("just text with svg in it"))).isEmpty();
        assertThat(ContentDetector.detect(new byte[0])).isEmpty();
    }

    @Test
    void doesNotTakeAnSvgBehindADoctypeForSvg() {
        assertThat(ContentDetector.detect(bytes("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg>&x;</svg>"))).isEmpty();
    }

    @Test
    void wantsATableCountAfterTheTrueTypeVersion() {
        assertThat(ContentDetector.detect(new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isEmpty();
        assertThat(ContentDetector.detect(new byte[] {0, 1, 0, 0})).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
