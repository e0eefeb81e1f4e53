package com.brandcluster.assets.storage;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.List;

/** An uploaded file that is refused; nothing of it is stored. */
public final class UploadRefusedException extends DomainException {

    private UploadRefusedException(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static UploadRefusedException unsupported() {
        List<String> allowed = Arrays.stream(FileType.values()).map(FileType::contentType).toList();
        UploadRefusedException refused = new UploadRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type", "Unsupported file type",
                "The file is none of the accepted types: SVG, PNG, JPEG, PDF, a ZIP template or a font (TrueType, "
                        + "OpenType, WOFF, WOFF2). The type is read from the file's bytes, not from its name.");
        refused.withProperty("accepted", allowed);
        return refused;
    }

    /** 422: the bytes are an accepted type, but not the one the client declared; either may be a mistake. */
    static UploadRefusedException mismatch(String declared, FileType detected) {
        UploadRefusedException refused = new UploadRefusedException(HttpStatus.UNPROCESSABLE_CONTENT,
                "content-type-mismatch", "Declared content type contradicts the file",
                "The file was declared as " + declared + " but its bytes are " + detected.contentType()
                        + ". Check that this is the intended file, and declare its real type.");
        refused.withProperty("declared", declared);
        refused.withProperty("detected", detected.contentType());
        return refused;
    }

    static UploadRefusedException unsafe(FileType type, List<String> findings) {
        UploadRefusedException refused = new UploadRefusedException(HttpStatus.UNPROCESSABLE_CONTENT,
                "unsafe-file", "Unsafe file",
                "The " + type.name() + " file is refused because it has " + String.join("; ", findings) + ".");
        refused.withProperty("findings", findings);
        return refused;
    }

    static UploadRefusedException tooLarge(long limit) {
        UploadRefusedException refused = new UploadRefusedException(HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large", "File too large", "The file is larger than the limit of " + limit + " bytes.");
        refused.withProperty("limit", limit);
        return refused;
    }

    static UploadRefusedException empty() {
        return new UploadRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "empty-file", "Empty file",
                "The file is empty.");
    }
}
