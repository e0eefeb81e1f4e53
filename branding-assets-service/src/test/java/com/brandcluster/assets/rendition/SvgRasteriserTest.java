package com.brandcluster.assets.rendition;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgRasteriserTest {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" %s>%s</svg>";

    @Test
    void fitsTheViewBoxToTheSizeKeepingItsAspectRatio() throws IOException {
        // the left half of a 200 x 100 box is red, the right half is left transparent
        BufferedImage image = render(String.format(SVG, "viewBox=\"0 0 200 100\"",
                "<rect x=\"0\" y=\"0\" width=\"100\" height=\"100\" fill=\"#ff0000\"/>"), 512);

        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(new Color(image.getRGB(64, 128), true)).isEqualTo(Color.RED);
        assertThat(new Color(image.getRGB(448, 128), true).getAlpha()).isZero();
    }

    @Test
    void usesWidthAndHeightWithoutAViewBox() throws IOException {
        BufferedImage image = render(String.format(SVG, "width=\"50\" height=\"150\"",
                "<rect x=\"0\" y=\"100\" width=\"50\" height=\"50\" fill=\"#0000ff\"/>"), 1024);

        assertThat(image.getWidth()).isEqualTo(341);
        assertThat(image.getHeight()).isEqualTo(1024);
        assertThat(new Color(image.getRGB(170, 900), true)).isEqualTo(Color.BLUE);
        assertThat(new Color(image.getRGB(170, 300), true).getAlpha()).isZero();
    }

    @Test
    void drawsEmbeddedImages() throws IOException {
        BufferedImage green = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                green.setRGB(x, y, Color.GREEN.getRGB());
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(green, "png", png);
        String href = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());

        BufferedImage image = render(String.format(SVG, "viewBox=\"0 0 10 10\"",
                "<image x=\"0\" y=\"0\" width=\"10\" height=\"10\" xlink:href=\"" + href + "\"/>"), 256);

        assertThat(new Color(image.getRGB(128, 128), true)).isEqualTo(Color.GREEN);
    }

    @Test
    void neverFetchesAnImageFromTheNetwork() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String href = "http://127.0.0.1:" + server.getAddress().getPort() + "/tracker.png";
            assertThatThrownBy(() -> render(String.format(SVG, "viewBox=\"0 0 10 10\"",
                    "<image width=\"10\" height=\"10\" xlink:href=\"" + href + "\"/>"), 256))
                    .hasMessageContaining("tracker.png").hasMessageContaining("not embeded");
        } finally {
            server.stop(0);
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void neverReadsALocalFile(@TempDir Path directory) throws IOException {
        Path secret = directory.resolve("secret.svg");
        Files.writeString(secret, String.format(SVG, "viewBox=\"0 0 10 10\"",
                "<rect width=\"10\" height=\"10\" fill=\"#00ff00\"/>"));

        assertThatThrownBy(() -> render(String.format(SVG, "viewBox=\"0 0 10 10\"",
                "<image width=\"10\" height=\"10\" xlink:href=\"" + secret.toUri() + "\"/>"), 256))
                .hasMessageContaining("secret.svg").hasMessageContaining("not embeded");
    }

    @Test
    void refusesADocumentThatIsNotSvg() {
        assertThatThrownBy(() -> render("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect", 256))
                .isInstanceOf(IOException.class);
    }

    private static BufferedImage render(String svg, int size) throws IOException {
        return SvgRasteriser.render(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)), size);
    }
}
