package com.brandcluster.assets.storage;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Decides whether an uploaded file may become an asset version, and stores it if so. The checks read the upload (which
 * the multipart support has spooled to disk) as streams before anything is written: its type from its bytes, the
 * declared type against that, and for SVG and zip files their content. Only a file that passed every check reaches
 * GridFS, so a refused upload stores nothing.
 */
@Service
public class Uploads {

    private final FileStore files;
    private final ZipInspector zips;
    private final long maxFileSize;

    Uploads(FileStore files, StorageProperties properties) {
        this.files = files;
        this.zips = new ZipInspector(properties.zip().limits());
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    /**
     * Checks and stores the file.
     *
     * @throws UploadRefusedException 413 above the size limit, 415 for a type that is not accepted, 422 for a declared
     *                                type the bytes contradict, an unsafe SVG or zip, or an empty file
     */
    public StoredFile accept(MultipartFile file) {
        if (file.isEmpty()) {
            throw UploadRefusedException.empty();
        }
        if (file.getSize() > maxFileSize) {
            throw UploadRefusedException.tooLarge(maxFileSize);
        }
        try {
            FileType type;
            try (InputStream in = file.getInputStream()) {
                type = ContentDetector.detect(in.readNBytes(ContentDetector.HEAD_LENGTH))
                        .orElseThrow(UploadRefusedException::unsupported);
            }
            if (!type.isDeclaredAs(file.getContentType())) {
                throw UploadRefusedException.mismatch(file.getContentType(), type);
            }
            List<String> findings = inspect(file, type);
            if (!findings.isEmpty()) {
                throw UploadRefusedException.unsafe(type, findings);
            }
            try (InputStream in = file.getInputStream()) {
                return files.store(in, Filenames.safe(file.getOriginalFilename(), type), type, maxFileSize);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        }
    }

    private List<String> inspect(MultipartFile file, FileType type) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return switch (type) {
                case SVG -> SvgInspector.findings(in);
                case ZIP -> zips.findings(in, file.getSize());
                default -> List.of();
            };
        }
    }
}
