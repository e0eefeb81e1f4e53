package com.brandcluster.assets.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypeTest {

    @Test
    void takesAnAbsentOrUnspecificDeclarationForAnyType() {
        assertThat(FileType.PNG.isDeclaredAs(null)).isTrue();
        assertThat(FileType.PNG.isDeclaredAs(" ")).isTrue();
        assertThat(FileType.WOFF2.isDeclaredAs("application/octet-stream")).isTrue();
    }

    @Test
    void acceptsTheTypeItsAliasesAndParameters() {
        assertThat(FileType.SVG.isDeclaredAs("image/svg+xml; charset=UTF-8")).isTrue();
        assertThat(FileType.SVG.isDeclaredAs("text/xml")).isTrue();
        assertThat(FileType.JPEG.isDeclaredAs("IMAGE/JPEG")).isTrue();
        assertThat(FileType.ZIP.isDeclaredAs(
                "application/vnd.openxmlformats-officedocument.presentationml.template")).isTrue();
        assertThat(FileType.TTF.isDeclaredAs("font/sfnt")).isTrue();
    }

    @Test
    void refusesADeclarationOfAnotherType() {
        assertThat(FileType.PNG.isDeclaredAs("application/pdf")).isFalse();
        assertThat(FileType.ZIP.isDeclaredAs("application/vnd.ms-excel")).isFalse();
        assertThat(FileType.SVG.isDeclaredAs("text/html")).isFalse();
        assertThat(FileType.PDF.isDeclaredAs("application/pdfx")).isFalse();
    }
}
