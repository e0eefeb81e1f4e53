package com.brandcluster.notification.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;

/** The leaf parts of a MIME message, depth first, with the multipart types that hold them. */
record MimeParts(String structure, List<Leaf> leaves) {

    /**
     * A part that is not a multipart: its content type, disposition, file name and decoded content (with the line
     * ends of {@code text/plain} and {@code text/html} as {@code \n}, whatever SMTP made of them).
     */
    record Leaf(ContentType type, String disposition, String filename, String text) {

        boolean is(String baseType) {
            return type.match(baseType);
        }
    }

    static MimeParts of(Part message) throws MessagingException, IOException {
        List<Leaf> leaves = new ArrayList<>();
        String structure = walk(message, leaves);
        return new MimeParts(structure, leaves);
    }

    /** The one leaf of this base type ({@code text/plain}...). */
    Leaf only(String baseType) {
        List<Leaf> matching = leaves.stream().filter(leaf -> leaf.is(baseType)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("Expected one " + baseType + " part in " + structure + ", found "
                    + matching.size());
        }
        return matching.getFirst();
    }

    /** E.g. {@code multipart/mixed[multipart/alternative[text/plain,text/html],application/ics]}. */
    private static String walk(Part part, List<Leaf> leaves) throws MessagingException, IOException {
        ContentType type = new ContentType(part.getContentType());
        if (type.match("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            List<String> children = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                children.add(walk(multipart.getBodyPart(i), leaves));
            }
            return type.getBaseType().toLowerCase() + "[" + String.join(",", children) + "]";
        }
        String text = decoded(part, type);
        if (type.match("text/plain") || type.match("text/html")) {
            text = text.replace("\r\n", "\n");
        }
        leaves.add(new Leaf(type, part.getDisposition(), part.getFileName(), text));
        return type.getBaseType().toLowerCase();
    }

    private static String decoded(Part part, ContentType type) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String charset = type.getParameter("charset");
            return bytes.toString(charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset));
        }
    }
}
