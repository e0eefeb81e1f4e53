package com.brandcluster.assets.rendition;

import com.brandcluster.assets.storage.FileStore;
import com.brandcluster.assets.storage.FileType;
import com.brandcluster.assets.storage.StoredFile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * PNG renditions of image versions (SVG, PNG, JPEG) at the sizes the brand kit offers, made on the first request and
 * kept in GridFS, so every later request streams the stored file. Two first requests at once may both render, but only
 * one rendition is stored: the insert of the cache entry decides, and the loser removes its file and uses the winner's.
 */
@Service
public class Renditions {

    /** The longer side of each offered rendition, in pixels. */
    public static final List<Integer> SIZES = List.of(256, 512, 1024);
    static final String PURPOSE = "rendition";
    /**
     * A raster source is decoded whole; beyond this many pixels (a 4 MP image already holds 16 MB decoded) a small
     * upload could claim a huge canvas and exhaust the heap.
     */
    static final long MAX_SOURCE_PIXELS = 40_000_000L;
    private static final Set<String> RENDERABLE = Set.of(FileType.PNG.contentType(), FileType.JPEG.contentType(),
            FileType.SVG.contentType());
    private static final Logger log = LoggerFactory.getLogger(Renditions.class);

    private final MongoOperations mongo;
    private final FileStore files;
    private final Clock clock;
    private final Counter generated;
    /** Rendering is CPU and memory heavy: no more at once than there are processors. */
    private final Semaphore rendering = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    Renditions(MongoOperations mongo, FileStore files, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.files = files;
        this.clock = clock;
        this.generated = Counter.builder("assets.renditions.generated")
                .description("Renditions rendered from an asset version (cached ones are not counted)")
                .register(meters);
    }

    /** The rendition of the source file at this size: the stored one, or made and stored now. */
    public StoredFile of(StoredFile source, int size) {
        if (!SIZES.contains(size)) {
            throw new RenditionNotFoundException("There is no rendition of " + size + " px; the sizes are " + SIZES
                    + " (the longer side).");
        }
        if (!RENDERABLE.contains(source.contentType())) {
            throw new RenditionNotFoundException("Renditions are made of SVG, PNG and JPEG images only; this version is "
                    + source.contentType() + ".");
        }
        String key = Rendition.key(source.fileId(), size);
        Rendition cached = mongo.findById(key, Rendition.class);
        if (cached != null) {
            return cached.file();
        }
        StoredFile stored = store(source, size);
        try {
            mongo.insert(new Rendition(key, source.fileId(), size, stored,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            log.info("Rendition {} px of file {} stored", size, source.fileId());
            return stored;
        } catch (DuplicateKeyException lostRace) {
            files.delete(stored.fileId());
            return mongo.findById(key, Rendition.class).file();
        }
    }

    private StoredFile store(StoredFile source, int size) {
        byte[] png = render(source, size);
        try {
            return files.storeDerived(new ByteArrayInputStream(png), filename(source.filename(), size), FileType.PNG,
                    PURPOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("Storing a rendition of file " + source.fileId() + " failed", e);
        }
    }

    private byte[] render(StoredFile source, int size) {
        rendering.acquireUninterruptibly();
        try (InputStream in = files.open(source.fileId(), 0)) {
            BufferedImage image = source.contentType().equals(FileType.SVG.contentType())
                    ? SvgRasteriser.render(in, size)
                    : ImageScaler.scale(decode(in), size);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            generated.increment();
            return png.toByteArray();
        } catch (UnreadableImageException refused) {
            throw refused;
        } catch (IOException | RuntimeException unreadable) {
            // the stored bytes passed the upload's type check but are no image this service can read
            log.warn("File {} could not be rendered: {}", source.fileId(), unreadable.toString());
            throw new UnreadableImageException("The version's file is damaged or not an image that can be rendered.");
        } finally {
            rendering.release();
        }
    }

    /** Decodes a raster image after checking, from its header alone, that it is not too large to hold. */
    private static BufferedImage decode(InputStream in) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("No image reader recognises the file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_SOURCE_PIXELS) {
                    throw new UnreadableImageException("The image has " + pixels + " pixels; renditions are made of "
                            + "images of at most " + MAX_SOURCE_PIXELS + ".");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** {@code mark.svg} at 512 px is {@code mark-512.png}. */
    static String filename(String source, int size) {
        int dot = source.lastIndexOf('.');
        return (dot > 0 ? source.substring(0, dot) : source) + "-" + size + ".png";
    }
}
