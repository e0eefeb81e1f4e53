package com.brandcluster.assets.rendition;

import java.awt.AlphaComposite;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Scales raster images to a rendition's size with the quality a logo needs: always into ARGB, so transparency
 * survives (an opaque source simply stays opaque), and downscaling by halves with bilinear interpolation before a last
 * bicubic step, because one big bicubic step samples too few source pixels and leaves thin strokes jagged.
 */
final class ImageScaler {

    private ImageScaler() {
    }

    /** The size with {@code longSide} as its longer side and the source's aspect ratio (never less than 1 px). */
    static Dimension target(double width, double height, int longSide) {
        if (width >= height) {
            return new Dimension(longSide, (int) Math.max(1, Math.round(height * longSide / width)));
        }
        return new Dimension((int) Math.max(1, Math.round(width * longSide / height)), longSide);
    }

    static BufferedImage scale(BufferedImage source, int longSide) {
        Dimension target = target(source.getWidth(), source.getHeight(), longSide);
        BufferedImage current = source;
        int width = source.getWidth();
        int height = source.getHeight();
        while (width / 2 >= target.width && height / 2 >= target.height && width / 2 > 0 && height / 2 > 0) {
            width /= 2;
            height /= 2;
            current = draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, target.width, target.height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
