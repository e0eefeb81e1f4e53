package com.brandcluster.assets.rendition;

import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.EmbededExternalResourceSecurity;
import org.apache.batik.bridge.ExternalResourceSecurity;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.NoLoadScriptSecurity;
import org.apache.batik.bridge.ScriptSecurity;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.bridge.ViewBox;
import org.apache.batik.gvt.CanvasGraphicsNode;
import org.apache.batik.gvt.CompositeGraphicsNode;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.ext.awt.RenderingHintsKeyExt;
import org.apache.batik.util.ParsedURL;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.svg.SVGDocument;
import org.w3c.dom.svg.SVGSVGElement;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Dimension2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;

/**
 * Draws an SVG document with Apache Batik into an ARGB image whose longer side is the rendition's size, keeping the
 * document's aspect ratio (its {@code viewBox} if it has one, else its {@code width} and {@code height}).
 * <p>
 * Only sanitised uploads get here, but the renderer still loads nothing from outside the document: external
 * resources are refused unless embedded ({@code data:} URIs), so a reference to a URL or a local file can neither
 * reach the network nor read the server's disk, and scripts are neither loaded nor run (static rendering).
 */
final class SvgRasteriser {

    /** The base the document is parsed against; nothing is ever fetched from it. */
    private static final String DOCUMENT_URI = "urn:brandcluster:rendition-source.svg";

    private SvgRasteriser() {
    }

    static BufferedImage render(InputStream svg, int longSide) throws IOException {
        SAXSVGDocumentFactory factory = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName());
        SVGDocument document = factory.createSVGDocument(DOCUMENT_URI, svg);
        BridgeContext context = new BridgeContext(new OfflineAgent());
        context.setDynamicState(BridgeContext.STATIC);
        try {
            GraphicsNode root = new GVTBuilder().build(context, document);
            SVGSVGElement element = document.getRootElement();
            String viewBox = element.getAttributeNS(null, "viewBox");
            double width;
            double height;
            if (!viewBox.isBlank()) {
                float[] box = ViewBox.parseViewBoxAttribute(element, viewBox, context);
                width = box[2];
                height = box[3];
            } else {
                Dimension2D size = context.getDocumentSize();
                width = size.getWidth();
                height = size.getHeight();
            }
            if (!(width > 0 && height > 0)) {
                throw new IOException("The SVG document has no positive size");
            }
            Dimension target = ImageScaler.target(width, height, longSide);
            AffineTransform viewing = viewBox.isBlank()
                    ? AffineTransform.getScaleInstance(target.width / width, target.height / height)
                    : ViewBox.getPreserveAspectRatioTransform(element, viewBox,
                    element.getAttributeNS(null, "preserveAspectRatio"), target.width, target.height, context);
            return paint(root, viewing, target);
        } finally {
            context.dispose();
        }
    }

    /** As Batik's own transcoders do: the viewing transform replaces the one the root element's viewport set. */
    private static BufferedImage paint(GraphicsNode root, AffineTransform viewing, Dimension target) {
        BufferedImage image = new BufferedImage(target.width, target.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            // Batik draws filters and masks into the image through this hint (and warns without it)
            g.setRenderingHint(RenderingHintsKeyExt.KEY_BUFFERED_IMAGE, new WeakReference<>(image));
            CanvasGraphicsNode canvas = canvas(root);
            if (canvas != null) {
                canvas.setViewingTransform(viewing);
            } else {
                g.transform(viewing);
            }
            root.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static CanvasGraphicsNode canvas(GraphicsNode root) {
        if (root instanceof CompositeGraphicsNode composite && !composite.getChildren().isEmpty()
                && composite.getChildren().getFirst() instanceof CanvasGraphicsNode canvas) {
            return canvas;
        }
        return null;
    }

    /** Loads embedded resources only, runs no scripts, and fails the rendering on any error instead of logging it. */
    private static final class OfflineAgent extends UserAgentAdapter {

        @Override
        public ExternalResourceSecurity getExternalResourceSecurity(ParsedURL resource, ParsedURL document) {
            return new EmbededExternalResourceSecurity(resource);
        }

        @Override
        public ScriptSecurity getScriptSecurity(String type, ParsedURL script, ParsedURL document) {
            return new NoLoadScriptSecurity(type);
        }

        @Override
        public void displayError(Exception e) {
            throw new IllegalStateException("The SVG document cannot be rendered: " + e.getMessage(), e);
        }
    }
}
