package com.brandcluster.assets.storage;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what would make an SVG unsafe to hand to a member's browser or design tool: scripts, event handler
 * attributes, {@code javascript:} URLs, {@code <foreignObject>} and other embedding elements, references to anything
 * outside the document (links, {@code url(...)} and {@code @import} in styles, stylesheet processing instructions)
 * and DTDs or entities. Local references ({@code #id}) and embedded raster images ({@code data:image/png} and the
 * like) are fine.
 * <p>
 * The document is read as a stream with the hardened parser of {@link SafeXml}, so a large SVG is never held in memory
 * and no DTD or entity is ever processed. An upload with findings is refused rather than silently cleaned: a brand mark
 * must be exactly what the secretariat approved, and the findings tell it what to remove.
 */
final class SvgInspector {

    private static final int MAX_FINDINGS = 20;

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "frame",
            "embed", "object", "applet", "handler", "listener", "base", "meta");
    private static final Set<String> ANIMATIONS = Set.of("animate", "set", "animatemotion", "animatetransform");
    private static final Set<String> REFERENCE_ATTRIBUTES = Set.of("href", "src", "action", "formaction");
    private static final Pattern EMBEDDED_IMAGE =
            Pattern.compile("^data:image/(png|jpeg|jpg|gif|webp)[;,].*", Pattern.DOTALL);
    private static final Pattern CSS_URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^'\")\\s]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_URL = Pattern.compile("(java|vb)script:", Pattern.CASE_INSENSITIVE);

    private SvgInspector() {
    }

    /** What is unsafe in the SVG, each finding once, in document order; empty if it is safe. */
    static List<String> findings(InputStream svg) {
        Set<String> findings = new LinkedHashSet<>();
        XMLStreamReader reader = null;
        try {
            reader = SafeXml.reader(svg);
            StringBuilder style = null;
            while (reader.hasNext() && findings.size() < MAX_FINDINGS) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> findings.add("a DOCTYPE declaration (DTDs and entities)");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            findings.add("an entity reference &" + reader.getLocalName() + ";");
                    case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                            findings.add("a processing instruction <?" + reader.getPITarget() + "?>");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String element = reader.getLocalName().toLowerCase(Locale.ROOT);
                        inspectElement(reader, element, findings);
                        style = element.equals("style") ? new StringBuilder() : null;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (style != null) {
                            style.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (style != null) {
                            inspectCss(style.toString(), "<style>", findings);
                            style = null;
                        }
                    }
                    default -> {
                        // comments and whitespace are harmless
                    }
                }
            }
        } catch (XMLStreamException malformed) {
            findings.add("markup that is not well-formed XML");
        } finally {
            SafeXml.close(reader);
        }
        return List.copyOf(findings);
    }

    private static void inspectElement(XMLStreamReader reader, String element, Set<String> findings) {
        if (FORBIDDEN_ELEMENTS.contains(element)) {
            findings.add("a <" + reader.getLocalName() + "> element");
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
            String value = reader.getAttributeValue(i);
            String compact = value.replaceAll("[\\s\\p{Cntrl}]", "");
            if (name.startsWith("on")) {
                findings.add("an event handler attribute " + reader.getAttributeLocalName(i) + " on <"
                        + reader.getLocalName() + ">");
            } else if (SCRIPT_URL.matcher(compact).find()) {
                findings.add("a script URL in " + reader.getAttributeLocalName(i) + " of <" + reader.getLocalName()
                        + ">");
            } else if (REFERENCE_ATTRIBUTES.contains(name) && !isLocal(value.strip())) {
                findings.add("an external reference " + reader.getAttributeLocalName(i) + "=\"" + shorten(value)
                        + "\" on <" + reader.getLocalName() + ">");
            } else if (name.equals("style")) {
                inspectCss(value, "a style attribute of <" + reader.getLocalName() + ">", findings);
            } else if (ANIMATIONS.contains(element) && name.equals("attributename")) {
                String animated = value.strip().toLowerCase(Locale.ROOT);
                if (animated.startsWith("on") || animated.endsWith("href")) {
                    findings.add("an animation of the attribute " + value.strip());
                }
            }
        }
    }

    private static void inspectCss(String css, String where, Set<String> findings) {
        String compact = css.replaceAll("\\\\", "");
        if (compact.toLowerCase(Locale.ROOT).contains("@import")) {
            findings.add("an @import in " + where);
        }
        if (SCRIPT_URL.matcher(compact.replaceAll("\\s", "")).find()
                || compact.toLowerCase(Locale.ROOT).contains("expression(")) {
            findings.add("a script in " + where);
        }
        Matcher url = CSS_URL.matcher(compact);
        while (url.find()) {
            if (!isLocal(url.group(1))) {
                findings.add("an external url(" + shorten(url.group(1)) + ") in " + where);
            }
        }
    }

    /** A reference inside the document ({@code #id}) or an embedded raster image. */
    private static boolean isLocal(String reference) {
        return reference.startsWith("#") || EMBEDDED_IMAGE.matcher(reference.toLowerCase(Locale.ROOT)).matches();
    }

    private static String shorten(String value) {
        String single = value.strip().replaceAll("\\s+", " ");
        return single.length() <= 60 ? single : single.substring(0, 57) + "...";
    }
}
