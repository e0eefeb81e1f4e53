package com.brandcluster.assets.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgInspectorTest {

    @Test
    void findsNothingInAPlainLogoWithLocalReferencesAndEmbeddedRasters() {
        assertThat(findings(TestFiles.svg(
                "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#e60012\"/></linearGradient></defs>"
                        + "<style>.mark { fill: url(#g); }</style>"
                        + "<rect class=\"mark\" width=\"10\" height=\"10\" style=\"fill:url('#g')\"/>"
                        + "<use href=\"#g\"/><use xlink:href=\"#g\"/>"
                        + "<image href=\"data:image/png;base64,iVBORw0KGgo=\" width=\"1\" height=\"1\"/>"
                        + "<text>中国照明品牌集群</text>"))).isEmpty();
    }

    @Test
    void findsAScriptElement() {
        assertThat(findings(TestFiles.svg("<script>alert(1)</script>"))).containsExactly("a <script> element");
    }

    @Test
    void findsEventHandlerAttributesWhateverTheirCase() {
        assertThat(findings(TestFiles.svg("<circle r=\"4\" onload=\"alert(1)\"/><rect ONCLICK=\"x()\"/>")))
                .containsExactly("an event handler attribute onload on <circle>",
                        "an event handler attribute ONCLICK on <rect>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)"})
    void findsScriptUrlsHoweverTheyAreWritten(String url) {
        assertThat(findings(TestFiles.svg("<a href=\"" + url + "\"><text>x</text></a>")))
                .containsExactly("a script URL in href of <a>");
    }

    @Test
    void findsExternalReferencesInLinksAndStyles() {
        assertThat(findings(TestFiles.svg("<image xlink:href=\"https://evil.example/track.png\"/>"
                + "<style>@import url(https://evil.example/x.css); .a { fill: url(https://evil.example/p) }</style>"
                + "<rect style=\"background: url( 'http://evil.example/b.png' )\"/>"
                + "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>")))
                .containsExactly(
                        "an external reference href=\"https://evil.example/track.png\" on <image>",
                        "an @import in <style>",
                        "an external url(https://evil.example/x.css) in <style>",
                        "an external url(https://evil.example/p) in <style>",
                        "an external url(http://evil.example/b.png) in a style attribute of <rect>",
                        "an external reference href=\"data:image/svg+xml;base64,PHN2Zz4=\" on <image>");
    }

    @Test
    void findsForeignObjectsAndEmbeddingElements() {
        assertThat(findings(TestFiles.svg("<foreignObject><iframe src=\"https://evil.example\"/></foreignObject>")))
                .contains("a <foreignObject> element", "a <iframe> element");
    }

    @Test
    void findsAnimationsThatWouldSetALinkOrAHandler() {
        assertThat(findings(TestFiles.svg("<a><set attributeName=\"href\" to=\"#x\"/><animate attributeName="
                + "\"onbegin\"/><animate attributeName=\"opacity\" from=\"0\" to=\"1\"/></a>")))
                .containsExactly("an animation of the attribute href", "an animation of the attribute onbegin");
    }

    @Test
    void findsDoctypesEntitiesAndStylesheetInstructionsWithoutResolvingThem() {
        assertThat(findings(("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>")
                .getBytes(StandardCharsets.UTF_8)))
                .first().isEqualTo("a DOCTYPE declaration (DTDs and entities)");
        assertThat(findings(("<?xml-stylesheet href=\"https://evil.example/x.css\"?>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").getBytes(StandardCharsets.UTF_8)))
                .containsExactly("a processing instruction <?xml-stylesheet?>");
    }

    @Test
    void findsMarkupThatIsNotWellFormed() {
        assertThat(findings("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("markup that is not well-formed XML");
    }

    private static List<String> findings(byte[] svg) {
        return SvgInspector.findings(new ByteArrayInputStream(svg));
    }
}
